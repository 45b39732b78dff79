namespace DataJoint;

/// <summary>
/// <c>A + B</c>: <c>SELECT * FROM ((A) UNION (B)) AS alias</c>. With secondary attributes, the first branch is
/// A LEFT JOIN B and the second the rows of B whose key is not in A (A's secondaries NULL). Restrictions of
/// the union apply to the derived table, so nothing else needs wrapping.
/// </summary>
internal sealed class UnionQuery : QueryExpression
{
    private readonly QueryExpression _a;
    private readonly QueryExpression _b;
    private readonly Heading _heading;

    public UnionQuery(QueryExpression a, QueryExpression b)
    {
        _a = a;
        _b = b;
        var attributes = a.PrimaryKey.Select(k => a.Heading[k].AsStored())
            .Concat(a.Heading.Attributes.Where(x => !x.InKey).Select(x => x.AsStored() with { Nullable = true }))
            .Concat(b.Heading.Attributes.Where(x => !x.InKey).Select(x => x.AsStored() with { Nullable = true }))
            .ToList();
        _heading = new Heading(attributes, a.Heading.LineageAvailable && b.Heading.LineageAvailable);
    }

    /// <summary>The left operand (its rows come first).</summary>
    public QueryExpression Left => _a;

    /// <summary>The right operand.</summary>
    public QueryExpression Right => _b;

    public override Connection Connection => _a.Connection;

    public override Heading Heading => _heading;
}
