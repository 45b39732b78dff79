using System.Data.Common;
using System.Text.Json.Nodes;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// A backend's bulk-load protocol (PostgreSQL binary <c>COPY</c>, MySQL <c>LOAD DATA LOCAL</c>). The insert writer checks
/// every value with <see cref="Accepts"/> before anything is sent, so a value the protocol cannot carry exactly sends the
/// whole insert down the statement path with nothing to undo; then it calls <see cref="Load"/> inside a transaction.
/// </summary>
internal abstract class BulkLoader
{
    /// <summary>The protocol's name, for logs and error messages.</summary>
    public abstract string Method { get; }

    /// <summary>Whether a column of this type can be loaded at all (core and codec types can; native types only when listed).</summary>
    public bool Supports(TypeSpec spec) => spec.Category != TypeCategory.Native || SupportsNative(spec);

    /// <summary>
    /// Whether a non-null value can be loaded into a column of this type exactly: the .NET type the generated <c>Row</c>
    /// holds for it, or a widening the server would make the same way. Anything else (a date given as text, say) goes to
    /// the statements, where the server converts it and reports what it cannot.
    /// </summary>
    public bool Accepts(TypeSpec spec, object value) => spec.Category switch
    {
        TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64 => IsInteger(value),
        TypeCategory.Float32 or TypeCategory.Float64 => value is float or double || IsInteger(value),
        TypeCategory.Decimal => value is decimal || IsInteger(value),
        TypeCategory.Bool => value is bool,
        TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum => value is string or Enum,
        TypeCategory.Date => value is DateOnly,
        TypeCategory.DateTime => value is DateTime,
        TypeCategory.Json => value is string or JsonNode,
        TypeCategory.Uuid => value is Guid,
        TypeCategory.Bytes => value is byte[],
        TypeCategory.Codec => spec.StoredCategory == TypeCategory.Bytes && value is byte[],
        _ => AcceptsNative(spec, value),
    };

    /// <summary>
    /// Loads the rows (values in <see cref="BulkTarget.Columns"/> order, null for NULL, each accepted by <see cref="Accepts"/>)
    /// on the transaction's connection (<paramref name="transaction"/> is what its commands carry: null for a transaction the driver
    /// does not track); <paramref name="rowOfInput"/> maps a 1-based row of <paramref name="rows"/> to its row in
    /// the caller's input, for messages. Returns the number of rows written; throws the translated
    /// <see cref="DataJointException"/> for bad data and <see cref="BulkLoadRefusedException"/> when the server or driver
    /// refuses the protocol itself (nothing was written then, and the transaction is still usable).
    /// </summary>
    public abstract ValueTask<long> Load(BulkTarget target, DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<object?[]> rows, Func<int, long> rowOfInput, bool sync, CancellationToken cancellationToken);

    protected abstract bool SupportsNative(TypeSpec spec);

    protected abstract bool AcceptsNative(TypeSpec spec, object value);

    protected static bool IsInteger(object value) => value is sbyte or byte or short or ushort or int or uint or long;

    /// <summary>Text of values that reach the server as text whatever their .NET type (C# enums by name, JSON nodes serialized).</summary>
    protected static object AsText(object value) => value switch
    {
        Enum e => e.ToString(),
        JsonNode json => json.ToJsonString(),
        _ => value,
    };
}
