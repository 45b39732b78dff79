using System.Collections.Immutable;

namespace DataJoint;

public sealed partial class Diagram
{
    /// <summary>
    /// The rows <paramref name="query"/>'s rows come from (DataJoint 2.3's <c>Diagram.trace</c>): the table and all its
    /// ancestors across schemas, each restricted to the rows some selected row below refers to. Read an ancestor with
    /// the indexer (<c>trace["Session"]</c>, <c>trace[sessionTable]</c>) or count them with <see cref="Counts"/>.
    /// </summary>
    /// <param name="query">A table, restricted or not.</param>
    public static Diagram Trace(Table query) => SyncOrAsync.Wait(TraceCore(query, null, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Trace"/>.</summary>
    public static async Task<Diagram> TraceAsync(Table query, CancellationToken cancellationToken = default) =>
        await TraceCore(query, null, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>The trace of <paramref name="query"/>, restricted by a key with <paramref name="keyAttributes"/> (a Make's key, whose rows may not exist yet).</summary>
    internal static ValueTask<Diagram> TraceKey(Table query, IReadOnlyCollection<string> keyAttributes, bool sync, CancellationToken cancellationToken) =>
        TraceCore(query, keyAttributes, sync, cancellationToken);

    private static async ValueTask<Diagram> TraceCore(Table query, IReadOnlyCollection<string>? keyAttributes, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await query.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var dependencies = await DependencyGraph.LoadUpstream(query.Connection, query.Schema.Name, sync, cancellationToken).ConfigureAwait(false);
        var members = dependencies.AncestorsInTopologicalOrder(new TableName(query.Schema.Name, query.SqlTableName));
        var graph = await DiagramGraph.Of(query.Connection, dependencies, members, sync, cancellationToken).ConfigureAwait(false);
        var trace = new UpstreamTrace(query, dependencies, graph.PrimaryKeys, keyAttributes);
        var shown = trace.Members.ToImmutableHashSet();
        return new Diagram(graph, shown, shown, trace, DiagramMode.Trace, DiagramDirection.TopToBottom);
    }

    /// <summary>
    /// An ancestor of a trace (or any table of a cascade or restriction) restricted to the diagram's rows, by class name
    /// (<c>"Session"</c>, <c>"Session.Trial"</c>, any schema) or full name (<c>schema.table</c>, quoted or not).
    /// </summary>
    /// <exception cref="ArgumentException">No such table in the diagram's rows, or a class name found in several schemas.</exception>
    /// <exception cref="InvalidOperationException">The diagram has no rows selected (not a trace, cascade or restriction).</exception>
    public FreeTable this[string table]
    {
        get
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(table);
            var rows = _rows ?? throw new InvalidOperationException("Only a trace, cascade or restricted diagram gives restricted tables: use Diagram.Trace(query) first.");
            var unquoted = table.Replace("`", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
            var matches = rows.Members.Where(t => t.ToString() == unquoted || DiagramGraph.ClassNameOf(t) == unquoted).ToList();
            return matches.Count switch
            {
                1 => RestrictedTable(matches[0]),
                0 => throw new ArgumentException($"Table '{table}' is not in this diagram's rows ({Describe(rows)}): a trace holds the seed and its ancestors only.", nameof(table)),
                _ => throw new ArgumentException($"Ambiguous table reference '{table}': it matches {string.Join(", ", matches.Select(Qualified))}. "
                    + "Use the full name (schema.table).", nameof(table)),
            };
        }
    }

    /// <summary>The table's restricted rows in this diagram (see <see cref="this[string]"/>).</summary>
    /// <exception cref="ArgumentException">The table is not in the diagram's rows.</exception>
    public FreeTable this[Table table]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(table);
            return this[$"{table.Schema.Name}.{table.SqlTableName}"];
        }
    }

    private string Describe(IRowPropagation rows) => _mode.ToString().ToLowerInvariant() + " of " + string.Join(", ", rows.Members.Select(DiagramGraph.ClassNameOf));
}
