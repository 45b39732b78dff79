using System.Net.Sockets;

namespace DataJoint.Tests.Infrastructure;

/// <summary>
/// The S3-compatible server the object-store tests use: DJ_TEST_S3_{ENDPOINT,BUCKET,ACCESS_KEY,SECRET_KEY}, by default
/// what scripts/s3-server.sh starts (s3rver on 127.0.0.1:4569, bucket datajoint-test). Without one the tests fail when
/// CI is set and are ignored otherwise, saying how to start it.
/// </summary>
public sealed record S3TestServer(string Endpoint, string Bucket, string AccessKey, string SecretKey)
{
    private static readonly Lazy<Task<S3TestServer?>> Resolved = new(ResolveAsync);

    /// <summary>The server; without one the test fails under CI and is ignored otherwise.</summary>
    public static async Task<S3TestServer> RequireAsync()
    {
        if (await Resolved.Value.ConfigureAwait(false) is { } server) return server;
        var message = $"No S3 test server answers at {EndpointSetting}. Start one with `bash scripts/s3-server.sh start` "
            + "(installs s3rver from npm), or point DJ_TEST_S3_ENDPOINT/_BUCKET/_ACCESS_KEY/_SECRET_KEY at one.";
        if (TestServer.IsCi) Assert.Fail(message);
        Assert.Ignore(message);
        throw new InvalidOperationException(message);
    }

    /// <summary>Store settings for a store on this server under a fresh location, so tests never share objects.</summary>
    public Dictionary<string, object?> StoreSettings(string location) => new(StringComparer.Ordinal)
    {
        ["protocol"] = "s3",
        ["endpoint"] = Endpoint,
        ["bucket"] = Bucket,
        ["access_key"] = AccessKey,
        ["secret_key"] = SecretKey,
        ["secure"] = false,
        ["location"] = location,
    };

    private static string EndpointSetting => Environment.GetEnvironmentVariable("DJ_TEST_S3_ENDPOINT") ?? "127.0.0.1:4569";

    private static async Task<S3TestServer?> ResolveAsync()
    {
        var endpoint = EndpointSetting;
        var colon = endpoint.LastIndexOf(':');
        var host = colon > 0 ? endpoint[..colon] : endpoint;
        var port = colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var p) ? p : 80;
        try
        {
            using var tcp = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await tcp.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return null;
        }

        return new S3TestServer(endpoint,
            Environment.GetEnvironmentVariable("DJ_TEST_S3_BUCKET") ?? "datajoint-test",
            Environment.GetEnvironmentVariable("DJ_TEST_S3_ACCESS_KEY") ?? "S3RVER",
            Environment.GetEnvironmentVariable("DJ_TEST_S3_SECRET_KEY") ?? "S3RVER");
    }
}
