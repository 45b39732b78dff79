using System.Data.Common;
using DataJoint.Definition;
using MySqlConnector;

namespace DataJoint;

/// <summary>
/// Bulk loads through MySqlBulkCopy (<c>LOAD DATA LOCAL INFILE</c> fed from memory). LOAD DATA LOCAL turns bad rows into
/// warnings and skips them instead of failing, so the load runs behind a savepoint and any warning rolls it back and is
/// thrown as the error the same row would have raised in an INSERT.
/// </summary>
internal sealed class MySqlBulkCopyLoader : BulkLoader
{
    private const string Savepoint = "dj_bulk_load";

    public override string Method => "MySqlBulkCopy";

    // MySqlBulkCopy cannot load YEAR columns; every other native type travels as text.
    protected override bool SupportsNative(TypeSpec spec) => !spec.Text.StartsWith("year", StringComparison.OrdinalIgnoreCase);

    protected override bool AcceptsNative(TypeSpec spec, object value) =>
        value is string or byte[] or float or double or decimal or bool or DateTime or TimeSpan || IsInteger(value);

    public override async ValueTask<long> Load(BulkTarget target, DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<object?[]> rows, Func<int, long> rowOfInput, bool sync, CancellationToken cancellationToken)
    {
        var mysql = (MySqlConnection)connection;
        var columns = target.Columns;
        var copy = new MySqlBulkCopy(mysql, (MySqlTransaction?)transaction) { DestinationTableName = target.QualifiedName };
        for (var i = 0; i < columns.Count; i++)
        {
            // Bytes travel as hex text; UNHEX turns them back (uuid is binary(16) here).
            copy.ColumnMappings.Add(IsBinary(columns[i].Spec)
                ? new MySqlBulkCopyColumnMapping(i, $"@dj_bytes{i}", $"{MySqlAdapter.Instance.Quote(columns[i].Name)} = UNHEX(@dj_bytes{i})")
                : new MySqlBulkCopyColumnMapping(i, columns[i].Name));
        }

        var problems = new List<MySqlError>();
        void Collect(object sender, MySqlInfoMessageEventArgs e) => problems.AddRange(e.Errors.Where(IsProblem));
        var context = target.Context(rows.Count, Method);
        await Execute(mysql, transaction, $"SAVEPOINT {Savepoint}", sync, cancellationToken).ConfigureAwait(false);
        mysql.InfoMessage += Collect;
        try
        {
            var reader = new RowArrayReader(rows, target.Ordinals, (i, value) => MySqlAdapter.Instance.ToDbValue(columns[i].Spec, AsText(value))!);
            var result = sync ? copy.WriteToServer(reader) : await copy.WriteToServerAsync(reader, cancellationToken).ConfigureAwait(false);
            if (problems.Count > 0) throw FromWarnings(problems, context, rowOfInput, null);
            await Execute(mysql, transaction, $"RELEASE SAVEPOINT {Savepoint}", sync, cancellationToken).ConfigureAwait(false);
            return result.RowsInserted;
        }
        catch (Exception ex)
        {
            await Undo(mysql, transaction, sync).ConfigureAwait(false);
            var translated = ex switch
            {
                NotSupportedException when ex.Message.Contains("AllowLoadLocalInfile", StringComparison.Ordinal) =>
                    new BulkLoadRefusedException($"the driver refused LOAD DATA LOCAL ({ex.Message})", ex),
                // 1148: the command is not allowed (MariaDB, MySQL 5.7); 3948: local data is disabled (MySQL 8).
                MySqlException m when (int)m.ErrorCode is 1148 or 3948 =>
                    new BulkLoadRefusedException($"the server refused LOAD DATA LOCAL ({m.Message})", m),
                MySqlException { ErrorCode: MySqlErrorCode.BulkCopyFailed } m when problems.Count > 0 => FromWarnings(problems, context, rowOfInput, m),
                MySqlException m => MySqlAdapter.Instance.Translate(m, context),
                _ => (Exception?)null,
            };
            if (translated is null) throw;
            throw translated;
        }
        finally
        {
            mysql.InfoMessage -= Collect;
        }
    }

    private static bool IsBinary(TypeSpec spec) => spec.Category is TypeCategory.Bytes or TypeCategory.Codec or TypeCategory.Uuid
        || (spec.Category == TypeCategory.Native && spec.NativeClrType == "byte[]");

    private static bool IsProblem(MySqlError error) => error.Level is "Warning" or "Error";

    // LOAD DATA names the row only for conversion problems ("at row N"); duplicate keys and foreign keys name the value.
    private static DataJointException FromWarnings(List<MySqlError> problems, string context, Func<int, long> rowOfInput, Exception? inner)
    {
        var first = problems[0];
        var message = $"{context}: {MySqlAdapter.Instance.WithRowOfInput(first.Message, rowOfInput)}"
            + (problems.Count > 1 ? $"; {problems.Count - 1} more problem(s) reported" : "")
            + ". Nothing was inserted.";
        return MySqlAdapter.Translate((int)first.ErrorCode, message, inner);
    }

    private static async ValueTask Execute(MySqlConnection connection, DbTransaction? transaction, string sql, bool sync,
        CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection, (MySqlTransaction?)transaction);
        if (sync) command.ExecuteNonQuery();
        else await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Best effort: when even the rollback fails the connection is gone, and the original error says more.
    private static async ValueTask Undo(MySqlConnection connection, DbTransaction? transaction, bool sync)
    {
        try
        {
            await Execute(connection, transaction, $"ROLLBACK TO SAVEPOINT {Savepoint}", sync, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MySqlException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }
}
