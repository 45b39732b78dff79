using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DataJoint.Tests.Infrastructure;

/// <summary>What an S3 server holds besides objects, asked with the raw SDK client.</summary>
public static class S3Uploads
{
    /// <summary>
    /// The multipart uploads started and neither completed nor aborted for <paramref name="fullPath"/> (<c>bucket/key</c>,
    /// as <see cref="ObjectStore.FullPath"/> gives it), or null when the server does not implement the listing (s3rver).
    /// </summary>
    public static async Task<IReadOnlyList<string>?> UnfinishedAsync(StoreSpec spec, string fullPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fullPath);
        var slash = fullPath.IndexOf('/', StringComparison.Ordinal);
        using var client = new AmazonS3Client(new BasicAWSCredentials(spec.RequireString("access_key"), spec.RequireString("secret_key")),
            new AmazonS3Config { ServiceURL = S3ObjectStore.EndpointUrl(spec).ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        try
        {
            var listed = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
            {
                BucketName = fullPath[..slash], Prefix = fullPath[(slash + 1)..],
            }).ConfigureAwait(false);
            return (listed.MultipartUploads ?? []).Select(u => u.UploadId).ToList();
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NotImplemented")
        {
            return null;
        }
    }
}
