namespace DataJoint;

/// <summary>
/// The result of an operator (join, projection, aggregation, universal set, Top, or a subquery wrapper):
/// a heading over one or more FROM sources, the WHERE conditions carried from flattened operands, and
/// optionally GROUP BY or DISTINCT. <see cref="QuerySqlGenerator"/> renders it for every backend; dialect choices come
/// from the adapter.
/// </summary>
internal sealed class DerivedQuery : QueryExpression
{
    private readonly Connection _connection;
    private readonly Heading _heading;
    private readonly IReadOnlyList<Condition> _sourceConditions;
    private readonly IReadOnlyList<string>? _groupBy;
    private readonly bool _distinct;

    public DerivedQuery(Connection connection, Heading heading, IReadOnlyList<QuerySource> sources, IReadOnlyList<Condition> sourceConditions,
        bool hidesColumns, IReadOnlyList<string>? groupBy = null, bool distinct = false)
    {
        _connection = connection;
        _heading = heading;
        Sources = sources;
        _sourceConditions = sourceConditions;
        HidesColumns = hidesColumns;
        _groupBy = groupBy;
        _distinct = distinct;
    }

    public override Connection Connection => _connection;

    public override Heading Heading => _heading;

    public IReadOnlyList<QuerySource> Sources { get; }

    /// <summary>The sources have columns outside the heading (a projection), so joining them flat could be ambiguous.</summary>
    public bool HidesColumns { get; }

    internal override bool IsAggregation => _groupBy is not null;

    internal override string? TelemetryTable => Sources is [var only] ? only.Table?.TelemetryTable ?? only.Subquery?.TelemetryTable : null;

    internal override bool IsDistinct => _distinct;

    internal override IReadOnlyList<string> GroupBy => _groupBy ?? [];

    internal override IReadOnlyList<Condition> SourceConditions => _sourceConditions;

    /// <summary>A plain join of tables: its sources and conditions can be merged into an enclosing query.</summary>
    public bool IsFlatJoin => IsPlain && !HidesColumns && !HasExpressions;

    /// <summary><c>SELECT * FROM (query) AS alias</c>: computed and renamed attributes become plain columns.</summary>
    public static DerivedQuery Over(QueryExpression query) =>
        new(query.Connection, new Heading(query.Heading.Attributes.Select(a => a.AsStored()).ToList(), query.Heading.LineageAvailable),
            [QuerySource.ForSubquery(query)], [], hidesColumns: false);

    /// <summary>The same rows as a derived query whose sources are the operand's (a table stays a table name).</summary>
    public static DerivedQuery Flatten(QueryExpression query)
    {
        var (sources, conditions) = Decompose(query);
        return new DerivedQuery(query.Connection, query.Heading, sources, conditions, hidesColumns: false);
    }

    /// <summary>Whether an operand can be merged into an enclosing FROM instead of becoming a subquery.</summary>
    public static bool CanFlatten(QueryExpression query) => query switch
    {
        Table t => !t.HasPaging,
        DerivedQuery d => d.IsFlatJoin,
        _ => false,
    };

    public static int SourceCount(QueryExpression query) => query is DerivedQuery d && CanFlatten(d) ? d.Sources.Count : 1;

    /// <summary>The FROM sources and WHERE conditions an operand contributes: flattened when possible, else one subquery.</summary>
    public static (IReadOnlyList<QuerySource> Sources, IReadOnlyList<Condition> Conditions) Decompose(QueryExpression query)
    {
        if (query is Table table && !table.HasPaging) return ([QuerySource.ForTable(table)], table.Restrictions);
        if (query is DerivedQuery d && d.IsFlatJoin) return (d.Sources, d.SourceConditions.Concat(d.Restrictions).ToList());
        return ([QuerySource.ForSubquery(query)], []);
    }
}
