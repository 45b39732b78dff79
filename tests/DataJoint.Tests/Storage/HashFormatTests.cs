namespace DataJoint.Tests.Storage;

/// <summary>DataJoint's hash, hash path and metadata text, against values DataJoint-Python 2.3.2 produced.</summary>
public sealed class HashFormatTests
{
    // hash_registry.compute_hash(b"") and (b"hello") as DataJoint-Python computes them.
    [TestCase("", "2qoyzwmpaczaj2mabgmoz6ccpy")]
    [TestCase("hello", "lvauakv4jmvhnolrtwiraf6fsi")]
    public void HashIsLowercaseBase32OfMd5WithoutPadding(string text, string expected)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.That(ContentHash.Compute(bytes), Is.EqualTo(expected));
        using var stream = new MemoryStream(bytes);
        Assert.That(ContentHash.Compute(stream), Is.EqualTo(expected));
        Assert.That(ContentHash.IsValid(expected), Is.True);
    }

    [Test]
    public void PathsFollowPrefixSchemaAndSubfolding()
    {
        const string hash = "lvauakv4jmvhnolrtwiraf6fsi";
        Assert.Multiple(() =>
        {
            Assert.That(HashPath.Build(hash, "my_schema", null, "_hash"), Is.EqualTo("_hash/my_schema/" + hash));
            Assert.That(HashPath.Build(hash, "my_schema", [2, 3], "_hash"), Is.EqualTo("_hash/my_schema/lv/aua/" + hash));
            Assert.That(HashPath.Build(hash, "s", [1], "/deep/prefix/"), Is.EqualTo("deep/prefix/s/l/" + hash));
            Assert.That(HashPath.Build(hash, "s", null, ""), Is.EqualTo("s/" + hash));
        });
        Assert.Throws<ArgumentException>(() => HashPath.Build("NOTAHASH", "s", null, "_hash"));
    }

    [Test]
    public void MetadataTextIsWhatPythonJsonDumpsWrites()
    {
        var stored = new HashedObject("lvauakv4jmvhnolrtwiraf6fsi", "_hash/my_schema/lv/aua/lvauakv4jmvhnolrtwiraf6fsi", "my_schema", null, 5);
        const string python = "{\"hash\": \"lvauakv4jmvhnolrtwiraf6fsi\", \"path\": \"_hash/my_schema/lv/aua/lvauakv4jmvhnolrtwiraf6fsi\", "
            + "\"schema\": \"my_schema\", \"store\": null, \"size\": 5}";
        Assert.That(stored.ToJson(), Is.EqualTo(python));
        Assert.That(HashedObject.Parse(python), Is.EqualTo(stored));
        Assert.That(new HashedObject("h", "p\"\\é\u0001", "s", "raw", 1).ToJson(),
            Is.EqualTo("{\"hash\": \"h\", \"path\": \"p\\\"\\\\\\u00e9\\u0001\", \"schema\": \"s\", \"store\": \"raw\", \"size\": 1}"));
    }

    [Test]
    public void MetadataInAnyKeyOrderParses()
    {
        var parsed = HashedObject.Parse("{\"size\": 7, \"store\": \"raw\", \"schema\": \"s\", \"path\": \"p\", \"hash\": \"h\"}");
        Assert.That(parsed, Is.EqualTo(new HashedObject("h", "p", "s", "raw", 7)));
        Assert.Throws<DataJointException>(() => HashedObject.Parse("{\"path\": \"p\"}"));
        Assert.Throws<DataJointException>(() => HashedObject.Parse("not json"));
    }

    [Test]
    public void MetadataParsingSkipsUnknownKeysAndRefusesWhatIsNotMetadata()
    {
        var longPath = new string('x', 3000) + "/é";
        Assert.Multiple(() =>
        {
            Assert.That(HashedObject.Parse("{\"extra\": {\"a\": [1, {\"b\": null}]}, \"h\\u0061sh\": \"h\", \"path\": \"p\\\"q\", \"size\": \"7\"}"),
                Is.EqualTo(new HashedObject("h", "p\"q", "", null, 0)), "escaped key and text, nested unknown key, size that is not a number");
            Assert.That(HashedObject.Parse($"{{\"hash\": \"h\", \"path\": \"{longPath}\", \"size\": 12}}").Path, Is.EqualTo(longPath),
                "metadata longer than the stack buffer");
            Assert.That(HashedObject.Parse("{\"hash\": \"a\", \"hash\": \"b\", \"path\": \"p\"}").Hash, Is.EqualTo("b"), "the last of a repeated key");
            Assert.That(Assert.Throws<DataJointException>(() => HashedObject.Parse("{\"hash\": 5, \"path\": \"p\"}"))!.Message,
                Does.Contain("\"hash\" is not text"));
            Assert.That(Assert.Throws<DataJointException>(() => HashedObject.Parse("[1]"))!.Message, Does.Contain("not a JSON object"));
            Assert.That(Assert.Throws<DataJointException>(() => HashedObject.Parse("{\"hash\": \"h\", \"path\": \"p\"} x"))!.Message,
                Does.Contain("not valid JSON"));
            Assert.That(Assert.Throws<DataJointException>(() => HashedObject.Parse("{\"hash\": \"h\", \"path\": \"p\""))!.Message,
                Does.Contain("not valid JSON"));
        });
    }
}
