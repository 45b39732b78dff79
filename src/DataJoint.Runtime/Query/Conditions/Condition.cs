namespace DataJoint;

/// <summary>
/// A compiled restriction condition, part of the query model. <see cref="QuerySqlGenerator"/> renders it: composite
/// conditions (NOT, AND/OR, semijoins, EXISTS) are walked by the generator; leaves render their own text and parameters.
/// </summary>
internal abstract class Condition
{
    /// <summary>Constant conditions fold: TRUE and FALSE need no SQL.</summary>
    public virtual bool? Constant => null;

    public virtual Condition Negate() => new NotCondition(this);
}

/// <summary>A condition without nested queries: it writes its own SQL text and bound values.</summary>
internal abstract class LeafCondition : Condition
{
    public abstract void Render(SqlBuilder sql);
}

internal sealed class ConstantCondition : LeafCondition
{
    public static readonly ConstantCondition True = new(true);
    public static readonly ConstantCondition False = new(false);

    private readonly bool _value;

    private ConstantCondition(bool value) => _value = value;

    public override bool? Constant => _value;

    public override void Render(SqlBuilder sql) => sql.Append(_value ? "1=1" : "1=0");

    public override Condition Negate() => _value ? False : True;
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;

    public override Condition Negate() => Inner;
}

/// <summary>A SQL text condition, inserted verbatim (every enclosing clause parenthesises its conditions).</summary>
internal sealed class SqlTextCondition(string text) : LeafCondition
{
    public override void Render(SqlBuilder sql) => sql.Append(text);
}

/// <summary>Attribute equalities ANDed together (from dictionaries, anonymous objects and records).</summary>
internal sealed class EqualityCondition(IReadOnlyList<(string Name, object? Value)> terms) : LeafCondition
{
    public override void Render(SqlBuilder sql)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0) sql.Append(" AND ");
            var (name, value) = terms[i];
            sql.Identifier(name);
            if (value is null) sql.Append(" IS NULL");
            else sql.Append('=').Parameter(value);
        }
    }
}

/// <summary>A JSON path inside a json attribute equals a value (<c>{"attr.path": value}</c> restrictions).</summary>
internal sealed class JsonPathCondition(JsonPathKey key, object? value) : LeafCondition
{
    public override void Render(SqlBuilder sql)
    {
        sql.Append(sql.Adapter.JsonPathExpression(sql.Adapter.Quote(key.Attribute), key));
        if (value is null) sql.Append(" IS NULL");
        else sql.Append('=').Parameter(value);
    }
}

/// <summary>OR or AND of several conditions.</summary>
internal sealed class JunctionCondition(bool isOr, IReadOnlyList<Condition> items) : Condition
{
    public bool IsOr { get; } = isOr;

    public IReadOnlyList<Condition> Items { get; } = items;
}

/// <summary>Semijoin: the common attributes appear in another query's result.</summary>
internal sealed class InQueryCondition(IReadOnlyList<string> attributes, QueryExpression subquery) : Condition
{
    public IReadOnlyList<string> Attributes { get; } = attributes;

    public QueryExpression Subquery { get; } = subquery;
}

/// <summary>
/// Semijoin with nothing in common (DataJoint: all rows when the other query has any, none otherwise): <c>EXISTS (…)</c>,
/// decided by the server when the statement runs, never while the expression is composed.
/// </summary>
internal sealed class ExistsCondition(QueryExpression subquery) : Condition
{
    public QueryExpression Subquery { get; } = subquery;
}

/// <summary>A condition rendered by a delegate (typed <c>Where</c> predicates); values are bound as parameters.</summary>
internal sealed class FragmentCondition(Action<SqlBuilder> render) : LeafCondition
{
    public override void Render(SqlBuilder sql) => render(sql);
}
