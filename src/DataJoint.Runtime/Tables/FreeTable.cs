using System.Text.RegularExpressions;

namespace DataJoint;

/// <summary>
/// A table bound by its full name, without a class: the heading is read from the database. Supports the
/// whole query, fetch, insert and delete API.
/// </summary>
/// <remarks>
/// The constructor sends nothing: the heading is read by <see cref="Open"/>/<see cref="OpenAsync"/> (and
/// <c>inst.FreeTable(...)</c>/<c>inst.FreeTableAsync(...)</c>), by <see cref="LoadHeading"/>/<see cref="LoadHeadingAsync"/>, or by the
/// first fetch, count, insert, update, delete or drop. Composing (restricting, joining, projecting) needs it loaded.
/// </remarks>
public sealed partial class FreeTable : Table
{
    // Shared by the restricted copies of this handle, so loading through any of them loads it for all.
    private readonly HeadingSlot _heading;

    /// <summary>A handle on a table by full name on a connection; nothing is sent to the server (explicit-connection form; works in thread-safe mode).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="fullTableName"><c>`schema`.`table`</c>, <c>"schema"."table"</c> or <c>schema.table</c>.</param>
    public FreeTable(Connection connection, string fullTableName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (schema, table) = connection.Adapter.SplitQualifiedName(fullTableName ?? "") ?? ParseFullName(fullTableName!);
        Schema = new Schema(connection, schema, createTables: false);
        SqlTableName = table;
        _heading = new HeadingSlot();
    }

    /// <summary>A handle on a table by full name with its heading read from the database.</summary>
    /// <exception cref="MissingTableException">The table does not exist.</exception>
    public static FreeTable Open(Connection connection, string fullTableName)
    {
        var table = new FreeTable(connection, fullTableName);
        table.LoadHeading();
        return table;
    }

    /// <summary>Asynchronous <see cref="Open"/>.</summary>
    public static async Task<FreeTable> OpenAsync(Connection connection, string fullTableName, CancellationToken cancellationToken = default)
    {
        var table = new FreeTable(connection, fullTableName);
        await table.LoadHeadingAsync(cancellationToken).ConfigureAwait(false);
        return table;
    }

    /// <summary>Reads the heading (attributes and lineage) from the database unless it is loaded already.</summary>
    /// <exception cref="MissingTableException">The table does not exist.</exception>
    public void LoadHeading() => SyncOrAsync.Wait(PrepareForRead(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="LoadHeading"/>.</summary>
    public async Task LoadHeadingAsync(CancellationToken cancellationToken = default) =>
        await PrepareForRead(sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the heading has been read (no I/O).</summary>
    public bool IsHeadingLoaded => _heading.Value is not null;

    /// <inheritdoc/>
    public override Schema Schema { get; }

    /// <inheritdoc/>
    public override string SqlTableName { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The heading has not been read yet.</exception>
    public override Heading Heading => _heading.Value ?? throw new InvalidOperationException(
        $"The heading of {FullTableName} has not been read yet: call LoadHeading()/LoadHeadingAsync() first, or get the table with "
        + "FreeTable.Open/OpenAsync or inst.FreeTable/FreeTableAsync.");

    [GeneratedRegex("""^\s*(?:`(?<s>[^`]+)`|"(?<s>[^"]+)"|(?<s>[^.`"\s]+))\s*\.\s*(?:`(?<t>[^`]+)`|"(?<t>[^"]+)"|(?<t>[^.`"\s]+))\s*$""")]
    private static partial Regex FullNamePattern();

    internal static (string Schema, string Table) ParseFullName(string fullTableName)
    {
        var match = FullNamePattern().Match(fullTableName ?? "");
        if (!match.Success)
        {
            throw new ArgumentException($"'{fullTableName}' is not a full table name: write `schema`.`table` or schema.table.", nameof(fullTableName));
        }

        return (match.Groups["s"].Value, match.Groups["t"].Value);
    }

    /// <summary>Restriction that keeps the FreeTable type, so the result can still delete or insert.</summary>
    public static FreeTable operator &(FreeTable table, object condition) => (FreeTable)table.WithRestriction(condition, semanticCheck: true, negate: false);

    /// <summary>Anti-restriction that keeps the FreeTable type.</summary>
    public static FreeTable operator -(FreeTable table, object condition) => (FreeTable)table.WithRestriction(condition, semanticCheck: true, negate: true);

    /// <summary>Restriction by an interpolated string (holes bound as parameters) that keeps the FreeTable type.</summary>
    public static FreeTable operator &(FreeTable table, RestrictionStringHandler condition) =>
        (FreeTable)table.WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: false);

    /// <summary>Anti-restriction by an interpolated string (holes bound as parameters) that keeps the FreeTable type.</summary>
    public static FreeTable operator -(FreeTable table, RestrictionStringHandler condition) =>
        (FreeTable)table.WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: true);

    internal override async ValueTask PrepareForRead(bool sync, CancellationToken cancellationToken)
    {
        if (_heading.Value is not null) return;
        var attributes = await DatabaseHeading.Read(Connection, Schema.Name, SqlTableName, sync, cancellationToken).ConfigureAwait(false);
        var lineage = await LineageTable.Read(Connection, Schema.Name, SqlTableName, sync, cancellationToken).ConfigureAwait(false);
        var heading = lineage is null
            ? new Heading(attributes, lineageAvailable: false)
            : new Heading(attributes.Select(a => a with { Lineage = lineage.GetValueOrDefault(a.Name) }).ToList());
        // Two flows loading at once read the same heading; the first one stored wins.
        Interlocked.CompareExchange(ref _heading.Value, heading, null);
        Schema.Observed(exists: true);
    }

    private sealed class HeadingSlot
    {
        public Heading? Value;
    }
}
