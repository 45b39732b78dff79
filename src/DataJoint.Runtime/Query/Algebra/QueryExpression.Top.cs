namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// DataJoint's <c>Top</c>: order by <paramref name="orderBy"/> (<c>KEY</c> = primary key) and keep
    /// <paramref name="limit"/> rows after skipping <paramref name="offset"/>. A second Top with the same or no
    /// ordering merges (smaller limit, summed offsets); otherwise the first result becomes a subquery.
    /// </summary>
    public QueryExpression Top(int? limit = 1, string? orderBy = "KEY", int offset = 0) => ApplyTop(limit, orderBy, offset);
}
