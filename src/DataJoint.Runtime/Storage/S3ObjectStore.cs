using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DataJoint;

/// <summary>
/// An <c>s3</c> store on any S3-compatible endpoint (path-style addressing, signature v4). Objects live under
/// <c>bucket/location/</c>. Reads stream the response body; writes send one request for objects up to
/// <see cref="PartSize"/> and a multipart upload for larger ones, <see cref="PartsInFlight"/> parts at a time, streamed
/// from the source (memory holds the parts in flight, never the object). The SDK has only
/// asynchronous calls on .NET, so the synchronous forms wait for them.
/// </summary>
internal sealed class S3ObjectStore : ObjectStore
{
    /// <summary>Bytes buffered per upload request (S3's minimum part size is 5 MiB).</summary>
    public const int PartSize = 8 << 20;

    /// <summary>Parts a multipart upload sends at once; memory holds at most this many parts plus the one being read.</summary>
    public const int PartsInFlight = 4;

    private readonly Lazy<AmazonS3Client> client;
    private readonly string bucket;
    private readonly string prefix;
    private readonly string endpoint;

    public S3ObjectStore(StoreSpec spec) : base(spec)
    {
        bucket = spec.RequireString("bucket");
        var location = spec.Location.Trim('/');
        prefix = location.Length == 0 ? "" : location + "/";
        endpoint = EndpointUrl(spec).ToString();
        client = new Lazy<AmazonS3Client>(CreateClient, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The endpoint as a URL: as configured when it has a scheme, else https (secure) or http.</summary>
    public static Uri EndpointUrl(StoreSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var configured = spec.RequireString("endpoint").Trim();
        var text = configured.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || configured.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? configured
            : (spec.GetBool("secure") ?? true ? "https://" : "http://") + configured;
        return Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new ConfigurationException($"stores[\"{spec.Name}\"].endpoint '{configured}' is not a host[:port] or an http(s) URL.");
    }

    public override string Url(string path) => "s3://" + FullPath(path);

    protected override string FullPathCore(string path) => bucket + "/" + prefix + path;

    protected override async ValueTask<Stream> OpenReadCore(string path, bool sync, CancellationToken ct)
    {
        try
        {
            var response = await client.Value.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = prefix + path }, ct).ConfigureAwait(false);
            return new ResponseStream(response);
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be read", ex);
        }
    }

    // The response names the size: the body is read into an array of that size, not grown in a MemoryStream.
    private protected override async ValueTask<byte[]> ReadAllCore(string path, bool sync, CancellationToken ct)
    {
        try
        {
            using var response = await client.Value.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = prefix + path }, ct).ConfigureAwait(false);
            var bytes = new byte[response.ContentLength];
            if (sync) response.ResponseStream.ReadExactly(bytes);
            else await response.ResponseStream.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
            return bytes;
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be read", ex);
        }
    }

    protected override async ValueTask<long> WriteCore(string path, Stream content, bool sync, CancellationToken ct)
    {
        var key = prefix + path;
        // Content of a known size below one part (the hashed codecs' values) is sent as it is, without a part buffer.
        if (content.CanSeek && content.Length - content.Position < PartSize)
        {
            return await PutObject(path, key, content, content.Length - content.Position, ct).ConfigureAwait(false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        var filled = 0;
        try
        {
            filled = await Fill(content, buffer, sync, ct).ConfigureAwait(false);
            if (filled < PartSize)
            {
                using var single = new MemoryStream(buffer, 0, filled, writable: false);
                return await PutObject(path, key, single, filled, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            // A full buffer is the multipart upload's first part, returned when that part is sent.
            if (filled < PartSize) ArrayPool<byte>.Shared.Return(buffer);
        }

        return await WriteParts(path, key, content, buffer, sync, ct).ConfigureAwait(false);
    }

    private async ValueTask<long> PutObject(string path, string key, Stream content, long length, CancellationToken ct)
    {
        try
        {
            await client.Value.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false, UseChunkEncoding = false,
            }, ct).ConfigureAwait(false);
            return length;
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be written", ex);
        }
    }

    /// <summary>
    /// A multipart upload whose first part, full, is in <paramref name="first"/>: up to <see cref="PartsInFlight"/>
    /// parts upload at once while the next one is read from <paramref name="content"/>, each part's buffer going back to
    /// the pool when its request ends. Any failure or cancellation stops the parts still running and aborts the upload.
    /// </summary>
    private async ValueTask<long> WriteParts(string path, string key, Stream content, byte[] first, bool sync, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = new List<Task<PartETag>>(PartsInFlight);
        var parts = new List<PartETag>();
        byte[]? buffer = first;
        string? uploadId = null;
        try
        {
            uploadId = (await client.Value.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, ct)
                .ConfigureAwait(false)).UploadId;
            long total = 0;
            var filled = PartSize;
            while (true)
            {
                var number = parts.Count + running.Count + 1;
                var request = new UploadPartRequest
                {
                    BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = number, PartSize = filled,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false), UseChunkEncoding = false,
                };
                var owned = buffer;
                buffer = null;
                // Task.Run: the SDK signs the part (SHA-256 of 8 MiB) before its first await; reading the next part need not wait for it.
                running.Add(Task.Run(() => UploadPart(request, number, owned, stop.Token), CancellationToken.None));
                total += filled;
                if (filled < PartSize) break;
                if (running.Count == PartsInFlight) parts.Add(await TakeFinished(running).ConfigureAwait(false));
                buffer = ArrayPool<byte>.Shared.Rent(PartSize);
                filled = await Fill(content, buffer, sync, ct).ConfigureAwait(false);
                if (filled == 0) break;
            }

            while (running.Count > 0) parts.Add(await TakeFinished(running).ConfigureAwait(false));
            parts.Sort(static (a, b) => a.PartNumber.GetValueOrDefault().CompareTo(b.PartNumber.GetValueOrDefault()));
            await client.Value.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket, Key = key, UploadId = uploadId, PartETags = parts,
            }, ct).ConfigureAwait(false);
            uploadId = null;
            return total;
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be written", ex);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            if (running.Count > 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(running).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default).ConfigureAwait(false);
            }

            if (uploadId is not null) await Abort(key, uploadId).ConfigureAwait(false);
        }
    }

    private async Task<PartETag> UploadPart(UploadPartRequest request, int number, byte[] buffer, CancellationToken ct)
    {
        try
        {
            var uploaded = await client.Value.UploadPartAsync(request, ct).ConfigureAwait(false);
            return new PartETag(number, uploaded.ETag);
        }
        finally
        {
            request.InputStream.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Waits for the first of <paramref name="running"/> to end and removes it: its part, or its failure.</summary>
    private static async Task<PartETag> TakeFinished(List<Task<PartETag>> running)
    {
        var finished = await Task.WhenAny(running).ConfigureAwait(false);
        running.Remove(finished);
        return await finished.ConfigureAwait(false);
    }

    protected override async ValueTask<bool> ExistsCore(string path, bool sync, CancellationToken ct)
    {
        // Not an object: a folder of objects exists when something is stored under it.
        return await ExistsObject(path, ct).ConfigureAwait(false)
            || (await ListPage(prefix + path + "/", null, maxKeys: 1, ct).ConfigureAwait(false)).S3Objects is { Count: > 0 };
    }

    private protected override async ValueTask<bool> ObjectExistsCore(string path, bool sync, CancellationToken ct) =>
        await ExistsObject(path, ct).ConfigureAwait(false);

    protected override async ValueTask<long> SizeCore(string path, bool sync, CancellationToken ct)
    {
        try
        {
            var metadata = await client.Value.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = prefix + path }, ct)
                .ConfigureAwait(false);
            return metadata.ContentLength;
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be checked", ex);
        }
    }

    protected override async ValueTask<IReadOnlyList<StoredItem>> ListCore(string folder, bool sync, CancellationToken ct)
    {
        var items = new List<StoredItem>();
        var start = prefix + (folder.Length == 0 ? "" : folder + "/");
        string? token = null;
        do
        {
            var page = await ListPage(start, token, maxKeys: 1000, ct).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                items.Add(new StoredItem(item.Key[prefix.Length..], item.Size ?? 0));
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        items.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return items;
    }

    protected override async ValueTask<bool> DeleteCore(string path, bool sync, CancellationToken ct)
    {
        if (!await ExistsObject(path, ct).ConfigureAwait(false)) return false;
        try
        {
            await client.Value.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = prefix + path }, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be deleted", ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && client.IsValueCreated) client.Value.Dispose();
        base.Dispose(disposing);
    }

    private AmazonS3Client CreateClient()
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            // S3-compatible servers do not all accept the SDK's default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (Spec.GetString("proxy_server") is { } proxy) config.SetWebProxy(new WebProxy(new Uri(proxy)));
        return new AmazonS3Client(new BasicAWSCredentials(Spec.RequireString("access_key"), Spec.RequireString("secret_key")), config);
    }

    private async Task<bool> ExistsObject(string path, CancellationToken ct)
    {
        try
        {
            await client.Value.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = prefix + path }, ct).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode != "NoSuchBucket")
        {
            return false;
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(path, "cannot be checked", ex);
        }
    }

    private async Task<ListObjectsV2Response> ListPage(string keyPrefix, string? token, int maxKeys, CancellationToken ct)
    {
        try
        {
            return await client.Value.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket, Prefix = keyPrefix, ContinuationToken = token, MaxKeys = maxKeys,
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsClientError(ex, ct))
        {
            throw Translate(keyPrefix[prefix.Length..], "cannot be listed", ex);
        }
    }

    private async Task Abort(string key, string uploadId)
    {
        try
        {
            await client.Value.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId })
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsClientError(ex, CancellationToken.None))
        {
            // The first error is the one to report; an unfinished upload is the server's to expire.
        }
    }

    private static async ValueTask<int> Fill(Stream content, byte[] buffer, bool sync, CancellationToken ct)
    {
        var filled = 0;
        while (filled < PartSize)
        {
            var read = sync
                ? content.Read(buffer, filled, PartSize - filled)
                : await content.ReadAsync(buffer.AsMemory(filled, PartSize - filled), ct).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }

        return filled;
    }

    private static bool IsClientError(Exception ex, CancellationToken ct) =>
        ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    private StorageException Translate(string path, string what, Exception ex)
    {
        var where = $"'{path}' in s3 store '{Name}' (bucket '{bucket}' at {endpoint})";
        return ex switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } =>
                new StorageException(Name, path, $"The object {where} {what}: the bucket does not exist. Create it or correct stores.{Name}.bucket.", ex),
            AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } =>
                new StoredObjectMissingException(Name, path, $"The object {where} does not exist.", ex),
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s3 =>
                new StorageException(Name, path, $"The object {where} {what}: access denied ({s3.ErrorCode}). "
                    + $"Check stores.{Name}.access_key / secret_key and the bucket's permissions.", ex),
            AmazonServiceException service when service.StatusCode != 0 =>
                new StorageException(Name, path, $"The object {where} {what}: the server answered {(int)service.StatusCode} {service.ErrorCode}: {service.Message}", ex),
            _ => new StorageException(Name, path, $"The object {where} {what}: the endpoint cannot be reached ({ex.Message}). "
                + $"Check stores.{Name}.endpoint and secure, and that the server is running.", ex),
        };
    }

    /// <summary>The body of a GET, owning its response so disposing the stream ends the request.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream body = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => body.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => body.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            body.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }
}
