using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Storage;

/// <summary>
/// Runs a fixture once per protocol: <c>file</c> on a fresh temporary folder, <c>s3</c> on the S3 test server under a
/// fresh location. <see cref="Store"/> is the store "main", also <c>stores.default</c>.
/// </summary>
[TestFixture("file")]
[TestFixture("s3")]
public abstract class StoreTest(string protocol)
{
    protected string Protocol { get; } = protocol;

    protected Config Config { get; private set; } = null!;

    protected Stores Stores { get; private set; } = null!;

    protected ObjectStore Store => Stores["main"];

    /// <summary>The file store's folder (file protocol only).</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public async Task CreateStore()
    {
        Config = new Config();
        Config.Set("stores.default", "main");
        Config.Set("stores.main", await Settings(Protocol));
        Stores = new Stores(Config);
    }

    [TearDown]
    public void RemoveStore()
    {
        if (Protocol == "s3" && Stores is not null)
        {
            foreach (var item in Store.List()) Store.Delete(item.Path);
        }

        Stores?.Dispose();
        if (Folder.Length > 0 && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    protected async Task<Dictionary<string, object?>> Settings(string protocol)
    {
        if (protocol == "s3") return (await S3TestServer.RequireAsync()).StoreSettings("tests/" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Path.GetTempPath(), "dj-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["protocol"] = "file", ["location"] = Folder };
    }

    protected static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
