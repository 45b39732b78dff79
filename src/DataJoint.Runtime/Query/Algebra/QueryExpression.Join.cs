namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>Natural join on all namesakes, guarded by semantic matching (docs/semantics.md#join).</summary>
    public static QueryExpression operator *(QueryExpression left, QueryExpression right) => left.Join(right);

    /// <summary>Joins with a universal set are not supported (removed in DataJoint 2.0): a compile-time error.</summary>
    [Obsolete("Joining with U(...) was removed in DataJoint 2.0. Use U.Of(...) & query to project onto new primary-key attributes.", error: true)]
    public static QueryExpression operator *(QueryExpression left, U right) =>
        throw new DataJointException("Joining with U(...) is no longer supported (removed in DataJoint 2.0). Use U.Of(...) & query to project onto new primary key attributes.");

    /// <summary>
    /// Joins with <paramref name="other"/> on every attribute both headings share. With
    /// <paramref name="semanticCheck"/>, namesakes must share their lineage (else <see cref="DataJointException"/>).
    /// <paramref name="left"/> keeps every row of this expression (requires this expression to determine the other).
    /// </summary>
    public QueryExpression Join(QueryExpression other, bool left = false, bool semanticCheck = true)
    {
        ArgumentNullException.ThrowIfNull(other);
        return JoinCore(other, left, semanticCheck, allowNullablePrimaryKey: false);
    }

    /// <summary>Keeps every row of this expression and adds the other's attributes, NULL where it has no match (a left join).</summary>
    public QueryExpression Extend(QueryExpression other, bool semanticCheck = true) => Join(other, left: true, semanticCheck);

    internal QueryExpression JoinCore(QueryExpression other, bool left, bool semanticCheck, bool allowNullablePrimaryKey)
    {
        AssertSameConnection(other);
        var a = Heading;
        var b = other.Heading;
        var namesakes = a.Names.Where(b.Contains).ToArray();
        if (semanticCheck) SemanticCheck.AssertCompatible(a, b, namesakes);

        var aDeterminesB = b.PrimaryKey.All(a.Contains);
        var bDeterminesA = a.PrimaryKey.All(b.Contains);
        if (left && !aDeterminesB && !allowNullablePrimaryKey)
        {
            throw new DataJointException("Left join requires the left operand to determine the right operand: every primary-key attribute "
                + $"of the right operand ({string.Join(", ", b.PrimaryKey)}) must be an attribute of the left operand ({string.Join(", ", a.Names)}).");
        }

        var heading = JoinHeading(a, b, aDeterminesB, bDeterminesA && !left, left);

        // Operands become subqueries when merging them flat could change the meaning (DataJoint's wrapping rules):
        // aggregations, unions, Tops, computed/renamed attributes, projections that hide columns, and multi-source
        // operands that must join on attributes. A left join's right side keeps its restrictions inside the subquery.
        var leftFlat = CanFlatten(this) && (namesakes.Length == 0 || DerivedQuery.SourceCount(this) == 1);
        var rightFlat = CanFlatten(other) && DerivedQuery.SourceCount(other) == 1 && !(left && other.Restrictions.Count > 0);
        var (leftSources, leftConditions) = leftFlat ? DerivedQuery.Decompose(this) : ([QuerySource.ForSubquery(this)], []);
        var (rightSources, rightConditions) = rightFlat ? DerivedQuery.Decompose(other) : ([QuerySource.ForSubquery(other)], []);
        var sources = leftSources.ToList();
        sources.Add(rightSources[0].Joined(left ? JoinKind.Left : JoinKind.Inner, namesakes));
        return new DerivedQuery(Connection, heading, sources, leftConditions.Concat(rightConditions).ToList(), hidesColumns: false);
    }

    private static bool CanFlatten(QueryExpression query) => DerivedQuery.CanFlatten(query);

    private static Heading JoinHeading(Heading a, Heading b, bool aDeterminesB, bool bDeterminesA, bool left)
    {
        var result = new List<HeadingAttribute>();
        var names = new HashSet<string>(StringComparer.Ordinal);

        void Add(HeadingAttribute attribute, bool inKey, bool fromRightOfLeftJoin)
        {
            if (!names.Add(attribute.Name)) return;
            var copy = attribute.AsStored() with { InKey = inKey };
            if (fromRightOfLeftJoin && !inKey) copy = copy with { Nullable = true };
            result.Add(copy);
        }

        if (aDeterminesB)
        {
            foreach (var x in a.Attributes) Add(x, x.InKey, false);
            foreach (var x in b.Attributes) Add(x, false, left);
        }
        else if (bDeterminesA)
        {
            foreach (var x in b.Attributes) Add(x, x.InKey, false);
            foreach (var x in a.Attributes) Add(x, false, false);
        }
        else
        {
            foreach (var name in a.PrimaryKey) Add(a[name], true, false);
            foreach (var name in b.PrimaryKey.Where(n => !a.PrimaryKey.Contains(n)))
            {
                Add(a.Contains(name) ? a[name] : b[name], true, left);
            }

            foreach (var x in a.Attributes.Where(x => !x.InKey && !b.PrimaryKey.Contains(x.Name))) Add(x, false, false);
            foreach (var x in b.Attributes.Where(x => !x.InKey && !a.PrimaryKey.Contains(x.Name))) Add(x, false, left);
        }

        return new Heading(result, a.LineageAvailable && b.LineageAvailable);
    }
}
