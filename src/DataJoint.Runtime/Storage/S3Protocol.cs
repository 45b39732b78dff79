namespace DataJoint;

/// <summary>
/// The <c>s3</c> protocol: any S3-compatible endpoint (AWS, MinIO, Ceph). Keys as DataJoint names them:
/// <c>endpoint</c> (host[:port], or a URL), <c>bucket</c>, <c>access_key</c>, <c>secret_key</c>, <c>location</c> (key
/// prefix in the bucket), <c>secure</c> (HTTPS, default true; used when the endpoint has no scheme) and
/// <c>proxy_server</c>.
/// </summary>
public sealed class S3Protocol : StorageProtocol
{
    /// <inheritdoc/>
    public override string Name => "s3";

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> RequiredKeys { get; } = ["protocol", "endpoint", "bucket", "access_key", "secret_key", "location"];

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> AllowedKeys { get; } =
        ["endpoint", "bucket", "access_key", "secret_key", "secure", "proxy_server"];

    /// <inheritdoc/>
    public override void ApplyDefaults(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.TryAdd("secure", true);
    }

    /// <inheritdoc/>
    public override void Validate(StoreSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var key in (string[])["endpoint", "bucket", "access_key", "secret_key"]) spec.RequireString(key);
        _ = spec.GetString("location");
        _ = spec.GetBool("secure");
        if (spec.GetString("proxy_server") is { } proxy && !Uri.TryCreate(proxy, UriKind.Absolute, out _))
        {
            throw new ConfigurationException($"stores[\"{spec.Name}\"].proxy_server must be a URL such as http://proxy:3128, not '{proxy}'.");
        }

        _ = S3ObjectStore.EndpointUrl(spec);
    }

    /// <inheritdoc/>
    public override ObjectStore Open(StoreSpec spec) => new S3ObjectStore(spec);
}
