using System.Text;
using BenchmarkDotNet.Attributes;

namespace DataJoint.Benchmarks.Storage;

/// <summary>
/// <see cref="Rows"/> small <c>&lt;blob@store&gt;</c> values (a 16-element float64 array each) inserted and fetched
/// through a <c>file</c> store and through the S3 server, next to the raw work in the same run: the same packed bytes
/// written as one object per row with the raw client (<see cref="File"/>, or AWSSDK.S3's PutObject) and their metadata
/// inserted with the raw driver (multi-row INSERTs in one transaction), and read back as a raw SELECT of the metadata
/// plus one object read per row (File.ReadAllBytes, or GetObject). DataJoint also hashes each value (MD5, the
/// content address), checks that the object is absent before writing it, and verifies the hash on read. Set
/// DJ_BENCH_STORES (e.g. "s3") to run only some stores, DJ_BENCH_ROWS for another row count.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*StoredBlobBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class StoredBlobBenchmarks : DatabaseBenchmark
{
    /// <summary>Rows inserted and fetched: DJ_BENCH_ROWS, 10,000 by default (s3rver is slow: use 500–1,000 there).</summary>
    public static readonly int Rows = int.TryParse(Environment.GetEnvironmentVariable("DJ_BENCH_ROWS"), out var rows) ? rows : 10_000;
    private const int RowsPerStatement = 1_000;

    private BenchStore _store = null!;
    private StoredTrace _written = null!;
    private StoredTrace _read = null!;
    private RawTrace _rawWritten = null!;
    private RawTrace _rawRead = null!;
    private StoredTrace.Row[] _rows = [];
    private byte[][] _packed = [];

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "file";

    public static IEnumerable<string> Stores => (Environment.GetEnvironmentVariable("DJ_BENCH_STORES") ?? "file,s3").Split(',');

    protected override void Prepare()
    {
        _store = BenchStore.Configure(Instance, Store);
        _rows = Enumerable.Range(1, Rows).Select(i => new StoredTrace.Row
        {
            TraceId = i, Samples = Enumerable.Range(0, 16).Select(k => i + (k * 0.25)).ToArray(),
        }).ToArray();
        _packed = _rows.Select(r => Blob.Pack(r.Samples)).ToArray();
        _written = Schema.Table<StoredTrace>();
        _rawWritten = Schema.Table<RawTrace>();
        var readSchema = Instance.Schema(Schema.Name + "r");
        _read = readSchema.Table<StoredTrace>();
        _rawRead = readSchema.Table<RawTrace>();
        _read.Insert(_rows);
        RawInsert(_rawRead, "raw-read");
    }

    [IterationSetup(Targets = [nameof(RawWrite), nameof(BlobInsert)])]
    public void Empty()
    {
        _written.DeleteQuick();
        _rawWritten.DeleteQuick();
        // The written objects are known (content-addressed, and raw-write/{id}.bin): removed by name, not by listing.
        var section = Instance.Stores.Hash("bench");
        _store.Remove(_packed.Select(p => section.PathOf(ContentHash.Compute(p), Schema.Name))
            .Concat(_rows.Select(r => $"raw-write/{r.TraceId}.bin")));
    }

    [Benchmark(Baseline = true, Description = "raw: one object write per row (File.WriteAllBytes / PutObject) + driver multi-row INSERTs of the metadata")]
    public int RawWrite() => RawInsert(_rawWritten, "raw-write");

    [Benchmark(Description = "typed Insert(rows) of <blob@> values")]
    public void BlobInsert() => _written.Insert(_rows);

    [Benchmark(Description = "raw: driver SELECT of the metadata + one object read per row (File.ReadAllBytes / GetObject)")]
    public long RawFetch()
    {
        using var connection = Raw.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT trace_id, samples FROM {_rawRead.FullTableName}";
        using var reader = command.ExecuteReader();
        long bytes = 0;
        while (reader.Read())
        {
            var metadata = System.Text.Json.Nodes.JsonNode.Parse(reader.GetString(1))!;
            bytes += _store.ReadAll((string)metadata["path"]!).Length;
        }

        return bytes;
    }

    [Benchmark(Description = "typed Fetch() of <blob@> values (read, hash-verified, unpacked)")]
    public int BlobFetch() => _read.Fetch().Count;

    protected override void Release()
    {
        Instance.Schema(Schema.Name + "r").Drop(prompt: false);
        _store.Dispose();
    }

    private int RawInsert(RawTrace table, string folder)
    {
        using var connection = Raw.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var mysql = Backend == Backend.MySql;
        for (var offset = 0; offset < Rows; offset += RowsPerStatement)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {table.FullTableName} VALUES ");
            for (var i = 0; i < Math.Min(RowsPerStatement, Rows - offset); i++)
            {
                var id = _rows[offset + i].TraceId;
                var path = $"{folder}/{id}.bin";
                _store.Write(path, _packed[offset + i]);
                if (i > 0) sql.Append(',');
                var json = $"{{\"path\": \"{path}\", \"size\": {_packed[offset + i].Length}}}";
                foreach (var value in new object[] { id, json })
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = mysql ? $"@p{command.Parameters.Count}" : "";
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }

                var first = command.Parameters.Count - 2;
                sql.Append(mysql ? $"(@p{first},@p{first + 1})" : $"(${first + 1},${first + 2}::jsonb)");
            }

            command.CommandText = sql.ToString();
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return Rows;
    }
}
