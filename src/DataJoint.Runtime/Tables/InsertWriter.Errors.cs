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

    private static string KeyValueText(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
