using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace DataJoint.Benchmarks.Storage;

/// <summary>
/// The store named <c>bench</c> of the storage benchmarks — <c>file</c> on a temporary folder, or <c>s3</c> on the S3
/// server of scripts/s3-server.sh (DJ_TEST_S3_* as in the tests) under a fresh prefix — and the raw client of the same
/// place for the baselines: <see cref="File"/> streams, or AWSSDK.S3's PutObject/GetObject.
/// </summary>
public sealed class BenchStore : IDisposable
{
    private readonly string root;
    private readonly AmazonS3Client? s3;
    private readonly string bucket = "";

    private BenchStore(string root, AmazonS3Client? s3, string bucket)
    {
        this.root = root;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /// <summary>Configures <c>stores.bench</c> on <paramref name="instance"/> for <paramref name="protocol"/> (file or s3).</summary>
    public static BenchStore Configure(Instance instance, string protocol)
    {
        var fresh = "dj-bench-store-" + Guid.NewGuid().ToString("N");
        if (protocol == "file")
        {
            var folder = Path.Combine(Path.GetTempPath(), fresh);
            Directory.CreateDirectory(folder);
            instance.Config.Set("stores.bench.protocol", "file");
            instance.Config.Set("stores.bench.location", folder);
            return new BenchStore(folder, null, "");
        }

        var endpoint = Environment.GetEnvironmentVariable("DJ_TEST_S3_ENDPOINT") ?? "127.0.0.1:4569";
        var bucket = Environment.GetEnvironmentVariable("DJ_TEST_S3_BUCKET") ?? "datajoint-test";
        var access = Environment.GetEnvironmentVariable("DJ_TEST_S3_ACCESS_KEY") ?? "S3RVER";
        var secret = Environment.GetEnvironmentVariable("DJ_TEST_S3_SECRET_KEY") ?? "S3RVER";
        instance.Config.Set("stores.bench", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["protocol"] = "s3", ["endpoint"] = endpoint, ["bucket"] = bucket, ["access_key"] = access, ["secret_key"] = secret,
            ["secure"] = false, ["location"] = "bench/" + fresh,
        });
        // The raw client is configured as the s3 protocol configures its own (path style, checksums only when required).
        var client = new AmazonS3Client(new BasicAWSCredentials(access, secret), new AmazonS3Config
        {
            ServiceURL = "http://" + endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        return new BenchStore("bench/" + fresh, client, bucket);
    }

    /// <summary>Copies a local file to <paramref name="path"/> (a file stream copy, or one PutObject of the file).</summary>
    public long WriteFile(string path, string localFile)
    {
        if (s3 is null)
        {
            using var source = File.OpenRead(localFile);
            var full = Local(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var target = File.Create(full);
            source.CopyTo(target, 1 << 20);
            return target.Length;
        }

        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = Key(path), FilePath = localFile, UseChunkEncoding = false })
            .GetAwaiter().GetResult();
        return new FileInfo(localFile).Length;
    }

    /// <summary>
    /// Copies a local file to <paramref name="path"/> with the SDK's own multipart upload (<c>TransferUtility</c>: parallel
    /// parts, 8 MiB each as DataJoint's); on a <c>file</c> store the same stream copy as <see cref="WriteFile"/>.
    /// </summary>
    public long UploadFile(string path, string localFile)
    {
        if (s3 is null) return WriteFile(path, localFile);
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { ConcurrentServiceRequests = 4 });
        transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = bucket, Key = Key(path), FilePath = localFile, PartSize = 8 << 20,
        }).GetAwaiter().GetResult();
        return new FileInfo(localFile).Length;
    }

    /// <summary>Writes bytes to <paramref name="path"/> (File.WriteAllBytes, or one PutObject).</summary>
    public void Write(string path, byte[] bytes)
    {
        if (s3 is null)
        {
            try
            {
                File.WriteAllBytes(Local(path), bytes);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Local(path))!);
                File.WriteAllBytes(Local(path), bytes);
            }

            return;
        }

        using var content = new MemoryStream(bytes, writable: false);
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = Key(path), InputStream = content, UseChunkEncoding = false })
            .GetAwaiter().GetResult();
    }

    /// <summary>Streams the object at <paramref name="path"/> to <see cref="Stream.Null"/>; returns its length.</summary>
    public long ReadToNull(string path)
    {
        if (s3 is null)
        {
            using var source = File.OpenRead(Local(path));
            source.CopyTo(Stream.Null, 1 << 20);
            return source.Length;
        }

        using var response = s3.GetObjectAsync(bucket, Key(path)).GetAwaiter().GetResult();
        response.ResponseStream.CopyTo(Stream.Null, 1 << 20);
        return response.ContentLength;
    }

    /// <summary>Reads the whole object at <paramref name="path"/> (File.ReadAllBytes, or one GetObject).</summary>
    public byte[] ReadAll(string path)
    {
        if (s3 is null) return File.ReadAllBytes(Local(path));
        using var response = s3.GetObjectAsync(bucket, Key(path)).GetAwaiter().GetResult();
        using var memory = new MemoryStream((int)response.ContentLength);
        response.ResponseStream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Removes every object whose path (relative to the store's location) <paramref name="remove"/> selects.</summary>
    public void Remove(Func<string, bool> remove)
    {
        if (s3 is null)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (remove(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))) File.Delete(file);
            }

            return;
        }

        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = root + "/" };
        ListObjectsV2Response page;
        do
        {
            page = s3.ListObjectsV2Async(request).GetAwaiter().GetResult();
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => remove(k[(root.Length + 1)..])));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        foreach (var batch in keys.Chunk(1000))
        {
            s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = batch.Select(k => new KeyVersion { Key = k }).ToList() })
                .GetAwaiter().GetResult();
        }
    }

    /// <summary>Removes the objects at <paramref name="paths"/> without listing the store (s3rver's listing is slow with many objects).</summary>
    public void Remove(IEnumerable<string> paths)
    {
        if (s3 is null)
        {
            foreach (var path in paths) File.Delete(Local(path));
            return;
        }

        foreach (var batch in paths.Chunk(1000))
        {
            s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = batch.Select(p => new KeyVersion { Key = Key(p) }).ToList() })
                .GetAwaiter().GetResult();
        }
    }

    /// <summary>Removes everything the benchmark wrote and releases the client.</summary>
    public void Dispose()
    {
        if (s3 is null)
        {
            Directory.Delete(root, recursive: true);
            return;
        }

        Remove(static _ => true);
        s3.Dispose();
    }

    private string Local(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    private string Key(string path) => root + "/" + path;
}
