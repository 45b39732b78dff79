namespace DataJoint;

/// <summary>
/// A query projected onto some of its attributes (DataJoint's <c>q.proj()</c> for keys). Populate restricts by the
/// target's and the job table's keys through it, so that secondary attributes that happen to share a name (a
/// <c>status</c> or <c>duration</c> column of the target, say) never take part in the match. The source's columns are
/// read by name from a subquery, so renamed or computed attributes of the source are plain columns here.
/// </summary>
internal static class KeyProjection
{
    public static QueryExpression Of(QueryExpression source, IReadOnlyList<string> attributes)
    {
        var heading = new Heading(attributes.Select(a => source.Heading[a] with { InKey = true, Expression = null, RenamedFrom = null }).ToList(),
            source.Heading.LineageAvailable);
        var from = !source.IsRestricted && source is Table table ? QuerySource.ForTable(table) : QuerySource.ForDistinct(source, heading.Names);
        return new DerivedQuery(source.Connection, heading, [from], [], hidesColumns: true);
    }
}
