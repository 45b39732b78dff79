using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// Every value type of DataJoint's blob format (the values of tests/DataJoint.Tests/Codecs/python/make_vectors.py) written
/// by DataJoint-Python into a <c>&lt;blob&gt;</c> column, read by .NET as a typed value and written back: Python reads an
/// equal value of the same type, and the stored bytes are identical.
/// </summary>
public sealed class BlobInteropTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task EveryBlobValueTravelsThroughTheDatabaseBothWaysUnchanged()
    {
        var upName = NewSchemaName("blobup");
        var mainName = NewSchemaName("blobmain");
        var written = await PythonAsync("blobs.py", "write", upName, mainName);
        var count = (int)written!["count"]!;
        Assert.That(count, Is.GreaterThan(70));

        var up = Instance.Schema(upName, createSchema: false);
        var boxes = Instance.Schema(mainName, createSchema: false, upstream: [up]).Table<BlobBox>();
        var read = boxes.Fetch();
        Assert.That(read, Has.Count.EqualTo(count));
        boxes.Insert(read.Select(b => new BlobBox.Row { BoxId = b.BoxId + 1000, Name = b.Name, Value = b.Value }));

        var checkedCount = await PythonAsync("blobs.py", "check", upName, mainName);
        Assert.That((int)checkedCount!["checked"]!, Is.EqualTo(count));
    }
}
