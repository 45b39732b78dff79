using System.Collections;

namespace DataJoint.Tests.Codecs;

/// <summary>
/// Every value DataJoint-Python packs (<see cref="PythonTypedBlobVectors"/>) unpacks to a .NET value of the documented
/// type that packs back to exactly Python's bytes, and the .NET value packs to those bytes too.
/// </summary>
[Category("Unit")]
public sealed class BlobTypedRoundTripTests
{
    [Test]
    public void EveryPythonVectorHasAnExpectedValue()
    {
        var names = PythonTypedBlobVectors.Cases().Select(c => (string)c.Arguments[0]!).ToList();

        Assert.That(names, Is.EquivalentTo(PythonTypedBlobVectors.Hex.Keys).And.Unique);
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(40));
    }

    [TestCaseSource(typeof(PythonTypedBlobVectors), nameof(PythonTypedBlobVectors.Cases))]
    public void UnpackGivesTheTypedValue(string name, object? expected)
    {
        var value = Blob.Unpack(PythonBlobVectors.Bytes(PythonTypedBlobVectors.Hex[name]));

        Assert.That(value, Is.EqualTo(expected));
        Assert.That(TypeTree(value), Is.EqualTo(TypeTree(expected)));
    }

    [TestCaseSource(typeof(PythonTypedBlobVectors), nameof(PythonTypedBlobVectors.Cases))]
    public void UnpackedValuePacksBackToPythonsBytes(string name, object? expected)
    {
        var hex = PythonTypedBlobVectors.Hex[name];

        Assert.That(Convert.ToHexStringLower(Blob.Pack(Blob.Unpack(PythonBlobVectors.Bytes(hex)), compress: false)), Is.EqualTo(hex));
    }

    [TestCaseSource(typeof(PythonTypedBlobVectors), nameof(PythonTypedBlobVectors.Cases))]
    public void DotNetValuePacksToPythonsBytes(string name, object? expected)
    {
        Assert.That(Convert.ToHexStringLower(Blob.Pack(expected, compress: false)), Is.EqualTo(PythonTypedBlobVectors.Hex[name]));
    }

    /// <summary>The runtime types of a value and of everything inside it, so <c>object?[]</c> and <c>NDArray&lt;object&gt;</c> (equal to NUnit) differ.</summary>
    private static string TypeTree(object? value) => value switch
    {
        null => "null",
        NDArray<object?> array => $"NDArray<object>({string.Join(", ", array.Elements.ToArray().Select(TypeTree))})",
        MatCell cell => $"MatCell({TypeTree(cell.Cells)})",
        MatStruct structure => $"MatStruct({string.Join(", ", structure.Elements.Elements.ToArray().SelectMany(e => e.Values).Select(TypeTree))})",
        IDictionary dictionary => $"{dictionary.GetType().Name}({string.Join(", ", dictionary.Values.Cast<object?>().Select(TypeTree))})",
        Array array when !array.GetType().GetElementType()!.IsValueType => $"{array.GetType().Name}({string.Join(", ", array.Cast<object?>().Select(TypeTree))})",
        IList list and not Array => $"{list.GetType().Name}({string.Join(", ", list.Cast<object?>().Select(TypeTree))})",
        _ => value.GetType().ToString(),
    };
}
