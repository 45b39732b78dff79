using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Storage;

/// <summary>Failures particular to one protocol: an absent file location, an unreachable or refusing S3 endpoint.</summary>
public sealed class ProtocolErrorTests
{
    private static Stores StoresWith(Dictionary<string, object?> settings)
    {
        var config = new Config();
        config.Set("stores.main", settings);
        return new Stores(config);
    }

    [Test]
    public void AFileStoreWhoseLocationIsMissingOpensButRefusesWrites()
    {
        var missing = Path.Combine(Path.GetTempPath(), "dj-missing-" + Guid.NewGuid().ToString("N"));
        using var stores = StoresWith(new() { ["protocol"] = "file", ["location"] = missing });
        var store = stores["main"];
        Assert.That(Directory.Exists(missing), Is.False, "opening a store does no I/O");
        var error = Assert.Throws<StorageException>(() => store.Write("a", new byte[] { 1 }))!;
        Assert.That(error.Message, Does.Contain(missing).And.Contain("'main'").And.Contain("stores.main.location"));
        Assert.That(Directory.Exists(missing), Is.False, "the location is never created");
    }

    [Test]
    public void AnUnreachableS3EndpointIsReportedWithStoreAndEndpoint()
    {
        // A port nothing listens on: bind one, note it, release it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var stores = StoresWith(new()
        {
            ["protocol"] = "s3", ["endpoint"] = $"127.0.0.1:{port}", ["bucket"] = "b", ["access_key"] = "a", ["secret_key"] = "s",
            ["secure"] = false, ["location"] = "x",
        });
        var error = Assert.ThrowsAsync<StorageException>(() => stores["main"].ExistsAsync("some/object"))!;
        Assert.That(error.Message, Does.Contain("'main'").And.Contain($"127.0.0.1:{port}").And.Contain("cannot be reached"));
        Assert.That(error.Path, Is.EqualTo("some/object"));
    }

    [Test]
    public async Task RefusedS3CredentialsAreReported()
    {
        var server = await S3TestServer.RequireAsync();
        var settings = server.StoreSettings("refused");
        settings["access_key"] = "unknown-" + Guid.NewGuid().ToString("N")[..8];
        using var stores = StoresWith(settings);
        var error = Assert.Throws<StorageException>(() => stores["main"].Write("a", new byte[] { 1 }))!;
        Assert.That(error.Message, Does.Contain("'main'").And.Contain("access denied").And.Contain("stores.main.access_key"));
    }

    [Test]
    public async Task AMissingBucketIsReported()
    {
        var server = await S3TestServer.RequireAsync();
        var settings = server.StoreSettings("x");
        settings["bucket"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        using var stores = StoresWith(settings);
        var error = Assert.Throws<StorageException>(() => stores["main"].Write("a", new byte[] { 1 }))!;
        Assert.That(error.Message, Does.Contain("bucket does not exist").And.Contain("stores.main.bucket"));
    }
}
