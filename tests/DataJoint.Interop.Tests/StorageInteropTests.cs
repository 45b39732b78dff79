using System.Text.Json.Nodes;
using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// The content-addressed section of a file store against DataJoint-Python's own hash registry (python/storage.py):
/// for the same bytes and store settings both write the same hash, path, file and metadata text, and each reads what
/// the other wrote (and both refuse corrupt content). No database is involved.
/// </summary>
public sealed class StorageInteropTests
{
    private string root = "";

    private static readonly byte[][] Payloads =
    [
        [],
        "hello"u8.ToArray(),
        [0, 1, 2, 255, 254, 0],
        Random(3 << 20, 7),
    ];

    [SetUp]
    public void CreateFolders()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-storage-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
    }

    [TearDown]
    public void RemoveFolders() => Directory.Delete(root, recursive: true);

    [TestCase("[2, 3]", "default", "my_schema", "-")]
    [TestCase("none", "default", "my_schema", "local")]
    [TestCase("[1, 1, 4]", "objects/by-hash", "sch\u00e9ma", "-")]
    [TestCase("none", "", "flat", "local")]
    public async Task BothLanguagesWriteTheSameObjectsAndMetadata(string subfolding, string hashPrefix, string schema, string store)
    {
        var python = Folder("python");
        var dotnet = Folder("dotnet");
        var inputs = Payloads.Select((p, i) => WriteInput(i, p)).ToArray();
        var results = (await PythonPeer.RunWithoutDatabaseAsync("storage.py", ["put", python, subfolding, hashPrefix, schema, store, .. inputs]))!
            .AsArray();

        using var stores = DotNetStores(dotnet, subfolding, hashPrefix);
        var section = stores.Hash(store == "-" ? "" : store);
        for (var i = 0; i < Payloads.Length; i++)
        {
            var ours = section.Put(Payloads[i], schema);
            Assert.That(ours.ToJson(), Is.EqualTo((string)results[i]!["json"]!), $"metadata of payload {i}");
            Assert.That(ours.Hash, Is.EqualTo((string)results[i]!["hash"]!));
        }

        Assert.That(Files(dotnet), Is.EqualTo(Files(python)), "the same files at the same paths");
        foreach (var (path, _) in Files(python))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(dotnet, path)), Is.EqualTo(File.ReadAllBytes(Path.Combine(python, path))), path);
        }
    }

    [Test]
    public async Task EachLanguageReadsWhatTheOtherWrote()
    {
        var shared = Folder("shared");
        using var stores = DotNetStores(shared, "[2, 2]", "default");
        var section = stores.Hash(null);

        // .NET writes, Python reads.
        var ours = Payloads.Select(p => section.Put(p, "lab")).ToList();
        var metadataFiles = ours.Select((m, i) => WriteText($"meta{i}.json", m.ToJson())).ToArray();
        var read = (await PythonPeer.RunWithoutDatabaseAsync("storage.py", ["get", shared, "[2, 2]", "default", .. metadataFiles]))!.AsArray();
        for (var i = 0; i < Payloads.Length; i++)
        {
            Assert.That(Convert.FromBase64String((string)read[i]!["content"]!), Is.EqualTo(Payloads[i]), $"Python read payload {i}");
        }

        // Python writes, .NET reads.
        var other = Random(1000, 99);
        var written = (await PythonPeer.RunWithoutDatabaseAsync("storage.py", ["put", shared, "[2, 2]", "default", "lab2", "-", WriteInput(99, other)]))!
            .AsArray();
        var theirs = HashedObject.Parse((string)written[0]!["json"]!);
        Assert.That(section.Get(theirs), Is.EqualTo(other));

        // Corrupt content is refused by both.
        stores.Default.Write(theirs.Path, Random(1000, 100));
        Assert.Throws<StoredObjectCorruptException>(() => section.Get(theirs));
        var refused = (await PythonPeer.RunWithoutDatabaseAsync("storage.py", ["get", shared, "[2, 2]", "default", WriteText("corrupt.json", theirs.ToJson())]))!
            .AsArray();
        Assert.That((string?)refused[0]!["error"], Does.Contain("Hash mismatch"));
    }

    private static Stores DotNetStores(string location, string subfolding, string hashPrefix)
    {
        var config = new Config();
        config.Set("stores.default", "local");
        config.Set("stores.local.protocol", "file");
        config.Set("stores.local.location", location);
        if (subfolding != "none") config.Set("stores.local.subfolding", JsonNode.Parse(subfolding)!.AsArray().Select(n => (int)n!).ToArray());
        if (hashPrefix != "default") config.Set("stores.local.hash_prefix", hashPrefix);
        return new Stores(config);
    }

    private string Folder(string name)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private string WriteInput(int index, byte[] content)
    {
        var path = Path.Combine(root, $"input{index}.bin");
        File.WriteAllBytes(path, content);
        return path;
    }

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<(string Path, long Size)> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), new FileInfo(f).Length))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
