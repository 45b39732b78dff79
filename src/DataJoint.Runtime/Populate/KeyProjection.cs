namespace DataJoint;

/// <summary>
/// A query projected onto some of its attributes (DataJoint's <c>q.proj()</c> for keys). Populate restricts by the
/// target's and the job table's keys through it, so that secondary attributes that happen to share a name (a
/// <c>status</c> or <c>duration</c> column of the target, say) never take part in the match. The source's columns are
/// read by name from a subquery, so renamed or computed attributes of the source are plain columns here.
/// </summary>
internal sealed class KeyProjection : QueryExpression
{
    private readonly QueryExpression _source;
    private readonly Heading _heading;

    private KeyProjection(QueryExpression source, IReadOnlyList<string> attributes)
    {
        _source = source;
        _heading = new Heading(attributes.Select(a => source.Heading[a] with { InKey = true, Expression = null, RenamedFrom = null }).ToList(),
            source.Heading.LineageAvailable);
    }

    public static KeyProjection Of(QueryExpression source, IReadOnlyList<string> attributes) => new(source, attributes);

    public override Connection Connection => _source.Connection;

    public override Heading Heading => _heading;

    internal override void AppendFrom(SqlBuilder sql)
    {
        if (!_source.IsRestricted && _source is Table)
        {
            _source.AppendFrom(sql);
            return;
        }

        sql.Append('(');
        _source.AppendSelect(sql, _heading.Names, distinct: true);
        sql.Append(") AS ").Identifier("_keys");
    }
}
