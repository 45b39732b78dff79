using System.Collections.Immutable;

namespace DataJoint;

/// <summary>
/// A view of the foreign-key graph (DataJoint's <c>dj.Diagram</c>, docs/diagrams.md): a set of shown tables picked with
/// set algebra, drawn as DOT, Mermaid, SVG or PNG; and, made by <see cref="Cascade(Table, PartIntegrity)"/> or
/// <see cref="Restrict"/>, the rows a restriction reaches in every table, counted or enumerated without changing data.
/// Diagrams are immutable: every operator returns a new one.
/// </summary>
public sealed partial class Diagram
{
    private readonly DiagramGraph _graph;
    private readonly ImmutableHashSet<TableName> _shown;
    private readonly ImmutableHashSet<TableName> _expanded;
    private readonly IRowPropagation? _rows;
    private readonly DiagramMode _mode;

    private enum DiagramMode
    {
        Plain,
        Cascade,
        Restrict,
        Trace,
    }

    private Diagram(DiagramGraph graph, ImmutableHashSet<TableName> shown, ImmutableHashSet<TableName> expanded, IRowPropagation? rows,
        DiagramMode mode, DiagramDirection direction)
    {
        _graph = graph;
        _shown = shown;
        _expanded = expanded;
        _rows = rows;
        _mode = mode;
        Direction = direction;
    }

    private Diagram With(ImmutableHashSet<TableName>? shown = null, ImmutableHashSet<TableName>? expanded = null, DiagramGraph? graph = null) =>
        new(graph ?? _graph, shown ?? _shown, expanded ?? _expanded, _rows, _mode, Direction);

    /// <summary>The layout direction of drawings (default top to bottom).</summary>
    public DiagramDirection Direction { get; }

    /// <summary>The shown tables' full names (<c>`schema`.`table`</c>), parents first.</summary>
    public IReadOnlyList<string> Tables => ShownInOrder().Select(Qualified).ToList();

    /// <summary>Every table of <paramref name="schema"/>, with the foreign keys around it loaded so the diagram can grow into other schemas.</summary>
    public static Diagram Of(Schema schema) => SyncOrAsync.Wait(OfCore(schema, null, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Of(Schema)"/>.</summary>
    public static async Task<Diagram> OfAsync(Schema schema, CancellationToken cancellationToken = default) =>
        await OfCore(schema, null, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>One table (grow it with <c>+ n</c> / <c>- n</c>); its restrictions play no part.</summary>
    public static Diagram Of(Table table) => SyncOrAsync.Wait(OfCore(CheckTable(table).Schema, table, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Of(Table)"/>.</summary>
    public static async Task<Diagram> OfAsync(Table table, CancellationToken cancellationToken = default) =>
        await OfCore(CheckTable(table).Schema, table, sync: false, cancellationToken).ConfigureAwait(false);

    private static Table CheckTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table;
    }

    private static async ValueTask<Diagram> OfCore(Schema schema, Table? table, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var graph = await DiagramGraph.Around(schema.Connection, schema.Name, sync, cancellationToken).ConfigureAwait(false);
        ImmutableHashSet<TableName> shown;
        if (table is null)
        {
            shown = graph.PrimaryKeys.Keys.Where(t => t.Schema == schema.Name).ToImmutableHashSet();
        }
        else
        {
            var name = new TableName(schema.Name, table.SqlTableName);
            if (!graph.Contains(name)) throw new MissingTableException($"Table {table.FullTableName} does not exist: declare it before drawing it.");
            shown = [name];
        }

        return new Diagram(graph, shown, shown, null, DiagramMode.Plain, DiagramDirection.TopToBottom);
    }

    /// <summary>The same diagram drawn in <paramref name="direction"/>.</summary>
    public Diagram WithDirection(DiagramDirection direction) => new(_graph, _shown, _expanded, _rows, _mode, direction);

    /// <summary>Adds <paramref name="levels"/> levels of children (DataJoint's <c>diagram + n</c>).</summary>
    public static Diagram operator +(Diagram diagram, int levels) => Grow(diagram, levels, downstream: true);

    /// <summary>Adds <paramref name="levels"/> levels of parents (DataJoint's <c>diagram - n</c>).</summary>
    public static Diagram operator -(Diagram diagram, int levels) => Grow(diagram, levels, downstream: false);

    /// <summary>Union: the tables shown in either; a table expanded in either stays expanded.</summary>
    public static Diagram operator +(Diagram left, Diagram right)
    {
        CheckOperands(left, right);
        return left.With(left._shown.Union(right._shown), left._expanded.Union(right._expanded), left._graph.Union(right._graph));
    }

    /// <summary>Difference: the tables of <paramref name="left"/> not shown in <paramref name="right"/>.</summary>
    public static Diagram operator -(Diagram left, Diagram right)
    {
        CheckOperands(left, right);
        return left.With(left._shown.Except(right._shown));
    }

    /// <summary>Intersection: the tables shown in both.</summary>
    public static Diagram operator *(Diagram left, Diagram right)
    {
        CheckOperands(left, right);
        return left.With(left._shown.Intersect(right._shown));
    }

    /// <summary>Named form of <c>+ diagram</c>.</summary>
    public Diagram Union(Diagram other) => this + other;

    /// <summary>Named form of <c>- diagram</c>.</summary>
    public Diagram Except(Diagram other) => this - other;

    /// <summary>Named form of <c>* diagram</c>.</summary>
    public Diagram Intersect(Diagram other) => this * other;

    /// <summary>Named form of <c>+ n</c>.</summary>
    public Diagram AddChildren(int levels) => this + levels;

    /// <summary>Named form of <c>- n</c>.</summary>
    public Diagram AddParents(int levels) => this - levels;

    private static void CheckOperands(Diagram left, Diagram right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (right._mode != DiagramMode.Plain)
        {
            throw new ArgumentException("Only an unrestricted diagram can be the right operand of +, - or *: the rows its cascade, restriction "
                + "or trace selects would be lost.", nameof(right));
        }
    }

    private static Diagram Grow(Diagram diagram, int levels, bool downstream)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        var shown = diagram._shown;
        for (var i = 0; i < levels; i++)
        {
            var next = shown.Union(diagram._graph.Neighbours(shown, downstream));
            if (next.Count == shown.Count) break;
            shown = next;
        }

        // Tables reached by growing are drawn expanded.
        return diagram.With(shown, diagram._expanded.Union(shown.Except(diagram._shown)));
    }

    /// <summary>Draws every shown table of each schema as one box per schema; in a union, tables expanded in the other operand stay expanded.</summary>
    public Diagram Collapse() => With(expanded: []);

    /// <summary>Adds the part tables of every shown master.</summary>
    public Diagram AddParts()
    {
        var parts = _graph.PrimaryKeys.Keys.Where(t => t.Master is { } master && _shown.Contains(master)).ToList();
        return With(_shown.Union(parts), _expanded.Union(parts));
    }

    private List<TableName> ShownInOrder() =>
        _graph.Dependencies.InTopologicalOrder(_shown).Concat(_shown.OrderBy(t => t.ToString(), StringComparer.Ordinal)).Distinct().ToList();

    private string Qualified(TableName table) => _graph.Connection.Adapter.QualifiedName(table.Schema, table.Table);

    /// <inheritdoc/>
    public override string ToString() => $"Diagram of {_shown.Count} table(s): {string.Join(", ", Tables)}";
}
