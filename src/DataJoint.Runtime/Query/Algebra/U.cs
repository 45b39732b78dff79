namespace DataJoint;

/// <summary>
/// DataJoint's universal set <c>dj.U(...)</c>: <c>U.Of("a", "b") &amp; q</c> is the distinct values of
/// <c>a, b</c> in <c>q</c> (they become the primary key); <c>U.Of("a").Aggr(q, "n = count(*)")</c> groups by them.
/// </summary>
public sealed class U
{
    private U(IReadOnlyList<string> attributes) => Attributes = attributes;

    /// <summary>The attributes of the universal set.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The universal set over <paramref name="attributes"/> (none: a set with one empty-keyed row).</summary>
    public static U Of(params string[] attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new U(attributes.ToArray());
    }

    /// <summary>The distinct values of the universal set's attributes in <paramref name="query"/>.</summary>
    public static QueryExpression operator &(U universe, QueryExpression query)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(query);
        var operand = DerivedQuery.CanFlatten(query) ? query : query.Wrap();
        var heading = new Heading(universe.Attributes.Select(a => Attribute(operand, a) with { InKey = true }).ToList(), query.Heading.LineageAvailable);
        var (sources, conditions) = DerivedQuery.Decompose(operand);
        return new DerivedQuery(query.Connection, heading, sources, conditions, hidesColumns: true, distinct: true);
    }

    /// <summary>Not supported (DataJoint raises too): restrict the other expression instead.</summary>
    public static QueryExpression operator -(U universe, QueryExpression query) =>
        throw new InvalidOperationException("Anti-restriction of U(...) is not supported: U is the set of all possible values, so its complement is undefined.");

    /// <summary>Not supported (removed in DataJoint 2.0).</summary>
    public static QueryExpression operator *(U universe, QueryExpression query) =>
        throw new InvalidOperationException("Joining with U(...) is no longer supported (removed in DataJoint 2.0). Use U.Of(...) & query instead.");

    /// <summary>Groups <paramref name="query"/> by the universal set's attributes and computes <paramref name="items"/> per group.</summary>
    public QueryExpression Aggr(QueryExpression query, params string[] items) => Aggr(query, excludeNonmatching: true, items);

    /// <summary>As <see cref="Aggr(QueryExpression, string[])"/>; <paramref name="excludeNonmatching"/> must be true.</summary>
    public QueryExpression Aggr(QueryExpression query, bool excludeNonmatching, params string[] items)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(items);
        if (!excludeNonmatching)
        {
            throw new ArgumentException("Cannot set excludeNonmatching: false when aggregating on a universal set: U has no rows of its own to keep.");
        }

        var missing = Attributes.Where(a => !query.Heading.Contains(a)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"Attributes {string.Join(", ", missing.Select(m => $"`{m}`"))} of U are not found in the aggregated query "
                + $"({string.Join(", ", query.Heading.Names)}).");
        }

        var operand = DerivedQuery.CanFlatten(query) ? query : query.Wrap();
        var key = Attributes.Select(a => operand.Heading[a].AsStored() with { InKey = true }).ToList();
        var computed = new List<HeadingAttribute>();
        foreach (var item in items)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? item[..eq].Trim() : "";
            if (eq <= 0 || name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Invalid aggregation item '{item}': write \"name = <aggregate sql expression>\".");
            }

            computed.Add(new HeadingAttribute(name, "expression", inKey: false, nullable: true, defaultValue: null, comment: "", lineage: null)
            {
                Expression = "(" + query.Connection.Adapter.TranslateExpression(item[(eq + 1)..].Trim()) + ")",
                Spec = new Definition.TypeSpec(Definition.TypeCategory.Native, "expression") { NativeClrType = "object" },
            });
        }

        var attributes = key.Concat(computed).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            if (!seen.Add(a.Name)) throw new ArgumentException($"Attribute `{a.Name}` already exists");
        }

        var (sources, conditions) = DerivedQuery.Decompose(operand);
        return new DerivedQuery(query.Connection, new Heading(attributes, query.Heading.LineageAvailable), sources, conditions,
            hidesColumns: true, groupBy: Attributes);
    }

    private static HeadingAttribute Attribute(QueryExpression query, string name) => query.Heading.TryGet(name, out var attribute)
        ? attribute.AsStored()
        : throw new UnknownAttributeException($"Attribute `{name}` of U is not found in the query ({string.Join(", ", query.Heading.Names)}).");
}
