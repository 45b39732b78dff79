using System.Globalization;

namespace DataJoint;

internal sealed partial class InsertWriter
{
    private const int MaxRowsNamed = 5;

    /// <summary>
    /// The server's error for part of a chunk, said in terms of the caller's input: <paramref name="message"/> already names
    /// the row of the input where the server named one; a duplicate key is traced to the rows of the input that give it
    /// (the server names the key, not the row), looking at the chunk's rows before <paramref name="end"/>.
    /// </summary>
    private DataJointException AtRowOfInput(DataJointException error, string message, IReadOnlyList<object?[]> rows, int end, long offset)
    {
        if (error is DuplicateKeyException) message += RowsGivingKey(message, rows, end, offset);
        if (message == error.Message) return error;
        var inner = error.InnerException;
        var code = error.ServerErrorCode;
        return error switch
        {
            DuplicateKeyException => new DuplicateKeyException(message, inner, code),
            IntegrityException => new IntegrityException(message, inner, code),
            MissingAttributeException => new MissingAttributeException(message, inner, code),
            UnknownAttributeException => new UnknownAttributeException(message, inner, code),
            QueryException => new QueryException(message, inner, code),
            _ => error,
        };
    }

    /// <summary>" The key is given by row 100000 of the insert." — empty when the key or its rows cannot be told.</summary>
    private string RowsGivingKey(string message, IReadOnlyList<object?[]> rows, int end, long offset)
    {
        var primaryKey = _heading.PrimaryKey;
        if (primaryKey.Count == 0 || _adapter.DuplicatedPrimaryKey(message, primaryKey) is not { } key) return "";
        var ordinals = primaryKey.Select(IndexOf).ToArray();
        var found = new List<long>();
        for (var r = 0; r < end && found.Count <= MaxRowsNamed; r++)
        {
            if (_adapter.KeyText(ordinals.Select(i => KeyValueText(rows[r][i]))) == key) found.Add(offset + r + 1);
        }

        return found.Count switch
        {
            0 => "",
            1 => $" The key is given by row {found[0]} of the insert.",
            _ => $" The key is given by rows {string.Join(", ", found.Take(MaxRowsNamed))}{(found.Count > MaxRowsNamed ? ", …" : "")} of the insert.",
        };
    }

    /// <summary>
    /// The values of a duplicated key whose error named only its columns (<see cref="BackendAdapter.DuplicateKeyColumnsWithoutValues"/>),
    /// as <see cref="BackendAdapter.DuplicateKeyDetail"/> writes them: the first row of the failed statement (rows
    /// <paramref name="from"/> to <paramref name="to"/>, none of them written) whose key an earlier row of it gives, or
    /// the table already holds. Empty when no row is found (the columns are not all inserted ones).
    /// </summary>
    private async ValueTask<string> DuplicatedKey(IReadOnlyList<string> keyColumns, List<object?[]> rows, int from, int to, bool sync,
        CancellationToken cancellationToken)
    {
        var ordinals = keyColumns.Select(IndexOf).ToArray();
        if (ordinals.Any(i => i < 0)) return "";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = from; r < to; r++)
        {
            var values = ordinals.Select(i => KeyValueText(rows[r][i])).ToArray();
            var found = !seen.Add(string.Join("\0", values));
            if (!found)
            {
                var key = keyColumns.Select((c, k) => KeyValuePair.Create(c, rows[r][ordinals[k]])).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                var existing = _table.Restrict(key);
                found = (sync ? existing.Count() : await existing.CountAsync(cancellationToken).ConfigureAwait(false)) > 0;
            }

            if (found) return BackendAdapter.DuplicateKeyDetail(keyColumns, values);
        }

        return "";
    }

    private static string KeyValueText(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
