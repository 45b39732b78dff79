using System.Data;
using System.Text;
using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;
using MySqlConnector;
using Npgsql;
using NpgsqlTypes;

namespace DataJoint.Benchmarks;

/// <summary>
/// Inserting <see cref="Rows"/> rows (int, varchar, double, date) through the typed <c>Insert</c>, bulk-loaded (the default
/// for large inserts) and as batched multi-row INSERTs (<c>insert.bulk = never</c>), next to the raw driver's best bulk path
/// (PostgreSQL binary COPY with typed writes; MySqlBulkCopy from DataRows built outside the measurement) and the raw
/// multi-row INSERTs, in the same run. Each invocation inserts into an emptied table.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*InsertBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser]
public class InsertBenchmarks : DatabaseBenchmark
{
    public const int Rows = 100_000;
    private const int RowsPerStatement = 1_000;

    private FetchItem _table = null!;
    private FetchItem.Row[] _rows = [];
    private DataRow[] _dataRows = [];

    protected override void Prepare()
    {
        _table = Schema.Table<FetchItem>();
        _rows = FetchItemData.Create(Rows);
        using var dataTable = new DataTable();
        dataTable.Columns.Add("item_id", typeof(int));
        dataTable.Columns.Add("label", typeof(string));
        dataTable.Columns.Add("value", typeof(double));
        dataTable.Columns.Add("created", typeof(DateOnly));
        _dataRows = _rows.Select(row => dataTable.Rows.Add(row.ItemId, row.Label, row.Value, row.Created)).ToArray();
    }

    [IterationSetup]
    public void Empty() => _table.DeleteQuick();

    [Benchmark(Baseline = true, Description = "raw driver bulk: binary COPY / MySqlBulkCopy")]
    public long RawBulk()
    {
        using var connection = Raw.OpenConnection();
        if (connection is MySqlConnection mysql)
        {
            var copy = new MySqlBulkCopy(mysql) { DestinationTableName = _table.FullTableName };
            return copy.WriteToServer(_dataRows, columnCount: 4).RowsInserted;
        }

        using var importer = ((NpgsqlConnection)connection).BeginBinaryImport(
            $"COPY {_table.FullTableName} (item_id, label, value, created) FROM STDIN (FORMAT BINARY)");
        foreach (var row in _rows)
        {
            importer.StartRow();
            importer.Write(row.ItemId, NpgsqlDbType.Integer);
            importer.Write(row.Label, NpgsqlDbType.Varchar);
            importer.Write(row.Value, NpgsqlDbType.Double);
            importer.Write(row.Created, NpgsqlDbType.Date);
        }

        return (long)importer.Complete();
    }

    [Benchmark(Description = "raw driver: multi-row INSERTs in one transaction")]
    public int RawInserts()
    {
        using var connection = Raw.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var table = _table.FullTableName;
        var mysql = Backend == Backend.MySql;
        for (var offset = 0; offset < _rows.Length; offset += RowsPerStatement)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {table} VALUES ");
            var count = Math.Min(RowsPerStatement, _rows.Length - offset);
            for (var i = 0; i < count; i++)
            {
                var row = _rows[offset + i];
                if (i > 0) sql.Append(',');
                sql.Append('(');
                object[] values = [row.ItemId, row.Label, row.Value, row.Created];
                for (var c = 0; c < values.Length; c++)
                {
                    var index = (i * values.Length) + c;
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = mysql ? $"@p{index}" : "";
                    parameter.Value = values[c];
                    command.Parameters.Add(parameter);
                    sql.Append(c > 0 ? "," : "").Append(mysql ? $"@p{index}" : $"${index + 1}");
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return _rows.Length;
    }

    [Benchmark(Description = "typed Insert(rows), bulk-loaded (default)")]
    public int TypedBulk()
    {
        Instance.Config.Insert.Bulk = BulkInsertMode.Auto;
        _table.Insert(_rows);
        return _rows.Length;
    }

    [Benchmark(Description = "typed Insert(rows), batched INSERTs (insert.bulk = never)")]
    public int TypedBatched()
    {
        Instance.Config.Insert.Bulk = BulkInsertMode.Never;
        _table.Insert(_rows);
        return _rows.Length;
    }

    [Benchmark(Description = "untyped Insert(anonymous objects), bulk-loaded")]
    public int AnonymousBulk()
    {
        Instance.Config.Insert.Bulk = BulkInsertMode.Auto;
        _table.Insert(_rows.Select(r => (object)new { item_id = r.ItemId, label = r.Label, value = r.Value, created = r.Created }));
        return _rows.Length;
    }
}
