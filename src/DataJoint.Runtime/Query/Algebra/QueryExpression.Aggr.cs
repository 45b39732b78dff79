namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// Aggregation (docs/semantics.md#aggregation): one row per row of this expression (all of them, with a LEFT JOIN),
    /// with <paramref name="items"/> computed over the matching rows of <paramref name="group"/>, e.g.
    /// <c>"n = count(student_id)"</c>; <c>"..."</c> keeps this expression's secondary attributes.
    /// </summary>
    public QueryExpression Aggr(QueryExpression group, params string[] items) => Aggr(group, excludeNonmatching: false, items);

    /// <summary>Aggregation; <paramref name="excludeNonmatching"/> drops rows without any matching group row (inner join).</summary>
    public QueryExpression Aggr(QueryExpression group, bool excludeNonmatching, params string[] items)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(items);
        AssertSameConnection(group);
        var missing = PrimaryKey.Where(k => !group.Heading.Contains(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new DataJointException("Aggregation requires the group expression to contain all primary key attributes of the "
                + $"aggregating expression; missing: {string.Join(", ", missing)}.");
        }

        var namesakes = Heading.Names.Where(group.Heading.Contains).ToArray();
        SemanticCheck.AssertCompatible(Heading, group.Heading, namesakes);
        var parsed = ProjectionItems.Parse(items, Heading, allowExclusions: false);
        if (parsed.Renames.Count > 0 || parsed.Duplicates.Count > 0)
        {
            // In an aggregation "new = old" names a value of the group; DataJoint passes it as an expression.
            foreach (var (old, name) in parsed.Renames) parsed.Computed.Add((name, old));
            foreach (var (name, old) in parsed.Duplicates) parsed.Computed.Add((name, old));
        }

        var operand = CanFlatten(this) && DerivedQuery.SourceCount(this) == 1 ? this : Wrap();
        var kept = operand.Heading.Attributes.Where(a => a.InKey || parsed.IsKept(a.Name)).ToList();
        var attributes = kept.Concat(parsed.Computed.Select(c => ComputedAttribute(c.Name, c.Expression))).ToList();
        ProjectionItems.AssertUnique(attributes);

        var (sources, conditions) = DerivedQuery.Decompose(operand);
        var groupFlat = group is Table t && !t.HasPaging && (excludeNonmatching || t.Restrictions.Count == 0);
        var groupSource = groupFlat ? QuerySource.ForTable((Table)group) : QuerySource.ForSubquery(group);
        var allConditions = conditions.Concat(groupFlat ? group.Restrictions : []).ToList();
        var allSources = sources.Append(groupSource.Joined(excludeNonmatching ? JoinKind.Inner : JoinKind.Left, namesakes)).ToList();

        // GROUP BY every kept attribute of this expression, not only its primary key: they are functionally
        // dependent on the key, but servers without dependency detection (ONLY_FULL_GROUP_BY, or over subqueries)
        // reject non-grouped columns.
        var groupBy = kept.Select(a => a.Name).ToList();
        return new DerivedQuery(Connection, new Heading(attributes, Heading.LineageAvailable), allSources, allConditions,
            hidesColumns: true, groupBy: groupBy);
    }

    /// <summary>Alias of <see cref="Aggr(QueryExpression, string[])"/>.</summary>
    public QueryExpression Aggregate(QueryExpression group, params string[] items) => Aggr(group, items);
}
