using System.Data.Common;
using DataJoint.Definition;
using Microsoft.Data.Sqlite;

namespace DataJoint;

/// <summary>
/// Bulk loads on SQLite: one prepared INSERT run once per row inside the caller's transaction. An embedded engine has no
/// wire protocol to save, so this is the fastest way in; a bad row fails the load and the transaction undoes the rest.
/// </summary>
internal sealed class SqliteBulkLoader(SqliteAdapter adapter) : BulkLoader
{
    public override string Method => "prepared INSERT";

    protected override bool SupportsNative(TypeSpec spec) => true;

    protected override bool AcceptsNative(TypeSpec spec, object value) => true;

    public override ValueTask<long> Load(BulkTarget target, DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<object?[]> rows, Func<int, long> rowOfInput, bool sync, CancellationToken cancellationToken)
    {
        var columns = target.Columns;
        using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = $"INSERT INTO {target.QualifiedName} ({string.Join(", ", columns.Select(c => adapter.Quote(c.Name)))}) VALUES ("
            + string.Join(", ", columns.Select((c, i) => HoldsText(c.Spec) ? $"CAST({adapter.Placeholder(i)} AS TEXT)" : adapter.Placeholder(i))) + ")";
        var text = columns.Select(c => HoldsText(c.Spec)).ToArray();
        var parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter(adapter.Placeholder(i), null));
        }

        command.Prepare();
        long written = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows[r];
            for (var i = 0; i < columns.Count; i++)
            {
                var value = row[target.Ordinals[i]];
                var bound = value is null ? null : adapter.ToDbValue(columns[i].Spec, AsText(value));
                parameters[i].Value = bound is null ? DBNull.Value : text[i] ? SqliteAdapter.TextValue(bound) : bound;
            }

            try
            {
                written += command.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                var error = adapter.Translate(ex, target.Context(rows.Count, Method) + $" at row {rowOfInput(r + 1)} of the insert");
                return error is DuplicateKeyException ? throw WithKey(error, target, row) : throw error;
            }
        }

        return ValueTask.FromResult(written);
    }

    // SQLite names the key's columns only; the failing row gives their values.
    private DuplicateKeyException WithKey(DataJointException error, BulkTarget target, object?[] row)
    {
        if (adapter.DuplicateKeyColumnsWithoutValues(error.Message) is not { } keyColumns) return (DuplicateKeyException)error;
        var values = new List<string>();
        foreach (var name in keyColumns)
        {
            var i = 0;
            while (i < target.Columns.Count && target.Columns[i].Name != name) i++;
            if (i == target.Columns.Count) return (DuplicateKeyException)error;
            values.Add(Convert.ToString(row[target.Ordinals[i]], System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return new DuplicateKeyException(error.Message + BackendAdapter.DuplicateKeyDetail(keyColumns, values), error.InnerException, error.ServerErrorCode);
    }

    // The columns whose strings may hold NUL: their values go as UTF-8 bytes where needed (SqliteAdapter.BindValue), and the
    // statement reads them as text (a no-op for a value bound as text).
    private static bool HoldsText(TypeSpec spec) => spec.Category is TypeCategory.Char or TypeCategory.VarChar
        || (spec.Category == TypeCategory.Native && SqliteAdapter.IsTextType(spec.Text));
}
