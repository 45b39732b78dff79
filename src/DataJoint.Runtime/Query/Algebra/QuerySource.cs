namespace DataJoint;

/// <summary>How a source joins the sources before it.</summary>
internal enum JoinKind
{
    First,
    Inner,
    Left,
}

/// <summary>
/// One FROM source of a derived query: a table by name (its restrictions moved to the derived query's WHERE)
/// or a nested expression rendered as <c>(SELECT ...) AS alias</c>, plus how it joins the previous sources
/// (on the attributes in <see cref="Using"/>). <see cref="QuerySqlGenerator"/> renders it.
/// </summary>
internal sealed record QuerySource(Table? Table, QueryExpression? Subquery, JoinKind Kind, IReadOnlyList<string> Using)
{
    /// <summary>For a subquery: the columns it selects (null: its whole heading, as stored).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>For a subquery with <see cref="Columns"/>: SELECT DISTINCT with the backend's read conversions.</summary>
    public bool DistinctRead { get; init; }

    public static QuerySource ForTable(Table table) => new(table, null, JoinKind.First, []);

    public static QuerySource ForSubquery(QueryExpression query) => new(null, query, JoinKind.First, []);

    /// <summary>The distinct values of some columns of a query, read as fetches read them.</summary>
    public static QuerySource ForDistinct(QueryExpression query, IReadOnlyList<string> columns) =>
        new(null, query, JoinKind.First, []) { Columns = columns, DistinctRead = true };

    public QuerySource Joined(JoinKind kind, IReadOnlyList<string> usingAttributes) => this with { Kind = kind, Using = usingAttributes };
}
