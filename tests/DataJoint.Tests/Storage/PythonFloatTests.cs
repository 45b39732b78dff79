namespace DataJoint.Tests.Storage;

/// <summary>Float key values in object paths are written as Python's <c>str(float)</c> writes them (values from CPython 3.11).</summary>
public sealed class PythonFloatTests
{
    [TestCase(1.0, "1.0")]
    [TestCase(0.5, "0.5")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1.5e-5, "1.5e-05")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(123456789.125, "123456789.125")]
    [TestCase(-2.0, "-2.0")]
    [TestCase(1e15, "1000000000000000.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(12345678901234567.0, "1.2345678901234568e+16")]
    [TestCase(3.0e20, "3e+20")]
    [TestCase(2.5e-10, "2.5e-10")]
    [TestCase(0.0, "0.0")]
    [TestCase(double.NaN, "nan")]
    [TestCase(double.NegativeInfinity, "-inf")]
    public void WritesWhatPythonWrites(double value, string python) => Assert.That(PythonFloat.Repr(value), Is.EqualTo(python));

    [Test]
    public void KeyValuesInObjectPathsAreFormattedAsPython()
    {
        Assert.That(ObjectPath.Encode(1.0), Is.EqualTo("1.0"));
        Assert.That(ObjectPath.Encode(0.1f), Is.EqualTo("0.10000000149011612"), "a float32 reaches Python as a float");
        Assert.That(ObjectPath.Encode(1.50m), Is.EqualTo("1.50"), "Decimal keeps its scale, as str(Decimal) does");
        Assert.That(ObjectPath.Encode(7), Is.EqualTo("7"));
    }
}
