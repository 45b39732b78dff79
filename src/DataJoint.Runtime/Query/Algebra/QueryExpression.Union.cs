namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>Union (docs/semantics.md#union).</summary>
    public static QueryExpression operator +(QueryExpression left, QueryExpression right) => left.Union(right);

    /// <summary>
    /// Rows of either operand. Both must have the same primary key and no common secondary attribute; a key in
    /// both yields one row carrying both operands' secondary attributes.
    /// </summary>
    public QueryExpression Union(QueryExpression other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AssertSameConnection(other);
        if (!new HashSet<string>(PrimaryKey, StringComparer.Ordinal).SetEquals(other.PrimaryKey))
        {
            throw new DataJointException("The operands of a union must share the same primary key. "
                + $"Left: {string.Join(", ", PrimaryKey)}; right: {string.Join(", ", other.PrimaryKey)}.");
        }

        var shared = Heading.SecondaryAttributes.Where(other.Heading.Contains).ToArray();
        if (shared.Length > 0)
        {
            throw new DataJointException($"The operands of a union must not share secondary attributes ({string.Join(", ", shared)}). "
                + "Rename or project them away first.");
        }

        if (Heading.SecondaryAttributes.Count + other.Heading.SecondaryAttributes.Count > 0)
        {
            SemanticCheck.AssertCompatible(Heading, other.Heading, PrimaryKey);
        }

        return new UnionQuery(this, other);
    }
}
