using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using DataJoint.Definition;
using Npgsql;
using NpgsqlTypes;

namespace DataJoint;

/// <summary>
/// Bulk loads through <c>COPY ... FROM STDIN (FORMAT BINARY)</c>: every value is sent in the column type's binary wire
/// format, written with the <see cref="NpgsqlDbType"/> of our type mapping. COPY is one statement, so a bad row fails the
/// whole load and leaves nothing behind.
/// </summary>
internal sealed partial class PostgreSqlCopyLoader(PostgreSqlAdapter adapter) : BulkLoader
{
    public override string Method => "binary COPY";

    // Only native types whose wire format is certain; the others take the statement path.
    protected override bool SupportsNative(TypeSpec spec) => spec.NativeClrType is "string" or "byte[]";

    protected override bool AcceptsNative(TypeSpec spec, object value) =>
        spec.NativeClrType == "string" ? value is string : value is byte[];

    public override async ValueTask<long> Load(BulkTarget target, DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<object?[]> rows, Func<int, long> rowOfInput, bool sync, CancellationToken cancellationToken)
    {
        // COPY joins the connection's open transaction by itself.
        var npgsql = (NpgsqlConnection)connection;
        var columns = target.Columns;
        var copy = $"COPY {target.QualifiedName} ({string.Join(", ", columns.Select(c => adapter.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        try
        {
            var importer = sync ? npgsql.BeginBinaryImport(copy) : await npgsql.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var row in rows)
                {
                    if (sync) importer.StartRow();
                    else await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        await WriteValue(importer, columns[i].Spec, row[target.Ordinals[i]], sync, cancellationToken).ConfigureAwait(false);
                    }
                }

                var written = sync ? importer.Complete() : await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return (long)written;
            }
            finally
            {
                // Without Complete, disposing cancels the COPY (the server discards every row). On a lost connection there is
                // nothing to cancel, and the error that reported the loss must not be replaced.
                try
                {
                    if (sync) importer.Dispose();
                    else await importer.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (npgsql.State != System.Data.ConnectionState.Open || adapter.MeansConnectionLost(ex))
                {
                }
            }
        }
        catch (PostgresException ex)
        {
            throw adapter.Translate(ex, target.Context(rows.Count, Method) + RowOf(ex, rowOfInput));
        }
        catch (NpgsqlException ex)
        {
            throw adapter.Translate(ex, target.Context(rows.Count, Method));
        }
    }

    // The server reports "COPY <table>, line N" for errors found while reading a row; foreign keys are checked at the end
    // of the statement, and their message names the key instead.
    private static string RowOf(PostgresException ex, Func<int, long> rowOfInput) =>
        ex.Where is { } where && CopyLine().Match(where) is { Success: true } m
            ? $", at row {rowOfInput(int.Parse(m.Groups[1].ValueSpan, provider: CultureInfo.InvariantCulture))} of the insert"
            : "";

    [GeneratedRegex(@"^COPY [^,]+, line (\d+)")]
    private static partial Regex CopyLine();

    private static ValueTask WriteValue(NpgsqlBinaryImporter importer, TypeSpec spec, object? value, bool sync, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            if (!sync) return new ValueTask(importer.WriteNullAsync(cancellationToken));
            importer.WriteNull();
            return ValueTask.CompletedTask;
        }

        var invariant = CultureInfo.InvariantCulture;
        return spec.Category switch
        {
            // int8 is stored as smallint (PostgreSQL has no one-byte integer); its range was checked before.
            TypeCategory.Int8 or TypeCategory.Int16 => Write(importer, Convert.ToInt16(value, invariant), NpgsqlDbType.Smallint, sync, cancellationToken),
            TypeCategory.Int32 => Write(importer, Convert.ToInt32(value, invariant), NpgsqlDbType.Integer, sync, cancellationToken),
            TypeCategory.Int64 => Write(importer, Convert.ToInt64(value, invariant), NpgsqlDbType.Bigint, sync, cancellationToken),
            TypeCategory.Float32 => Write(importer, Convert.ToSingle(value, invariant), NpgsqlDbType.Real, sync, cancellationToken),
            TypeCategory.Float64 => Write(importer, Convert.ToDouble(value, invariant), NpgsqlDbType.Double, sync, cancellationToken),
            TypeCategory.Decimal => Write(importer, Convert.ToDecimal(value, invariant), NpgsqlDbType.Numeric, sync, cancellationToken),
            TypeCategory.Bool => Write(importer, (bool)value, NpgsqlDbType.Boolean, sync, cancellationToken),
            // char, varchar and the schema's named enum types all take their text as binary input, and the enum types are
            // newer than the driver's type catalog, so they are sent as text; the server checks length and label.
            TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum =>
                Write(importer, (string)AsText(value), NpgsqlDbType.Text, sync, cancellationToken),
            TypeCategory.Date => Write(importer, (DateOnly)value, NpgsqlDbType.Date, sync, cancellationToken),
            TypeCategory.DateTime => Write(importer, DateTime.SpecifyKind((DateTime)value, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp,
                sync, cancellationToken),
            TypeCategory.Json => Write(importer, (string)AsText(value), NpgsqlDbType.Jsonb, sync, cancellationToken),
            TypeCategory.Uuid => Write(importer, (Guid)value, NpgsqlDbType.Uuid, sync, cancellationToken),
            TypeCategory.Native when spec.NativeClrType == "string" => Write(importer, (string)value, NpgsqlDbType.Text, sync, cancellationToken),
            _ => Write(importer, (byte[])value, NpgsqlDbType.Bytea, sync, cancellationToken),
        };
    }

    private static ValueTask Write<T>(NpgsqlBinaryImporter importer, T value, NpgsqlDbType type, bool sync, CancellationToken cancellationToken)
    {
        if (!sync) return new ValueTask(importer.WriteAsync(value, type, cancellationToken));
        importer.Write(value, type);
        return ValueTask.CompletedTask;
    }
}
