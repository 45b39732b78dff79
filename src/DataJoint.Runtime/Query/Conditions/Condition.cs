namespace DataJoint;

/// <summary>A compiled restriction condition that renders itself as SQL with bound parameters.</summary>
internal abstract class Condition
{
    public abstract void Render(SqlBuilder sql);

    /// <summary>Constant conditions fold: TRUE and FALSE need no SQL.</summary>
    public virtual bool? Constant => null;

    public virtual Condition Negate() => new NotCondition(this);
}

internal sealed class ConstantCondition : Condition
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

    public override void Render(SqlBuilder sql)
    {
        sql.Append("NOT (");
        Inner.Render(sql);
        sql.Append(')');
    }

    public override Condition Negate() => Inner;
}

/// <summary>A SQL text condition, inserted verbatim (every enclosing clause parenthesises its conditions).</summary>
internal sealed class SqlTextCondition(string text) : Condition
{
    public override void Render(SqlBuilder sql) => sql.Append(text);
}

/// <summary>Attribute equalities ANDed together (from dictionaries, anonymous objects and records).</summary>
internal sealed class EqualityCondition(IReadOnlyList<(string Name, object? Value)> terms) : Condition
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
internal sealed class JsonPathCondition(JsonPathKey key, object? value) : Condition
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
    public override void Render(SqlBuilder sql)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sql.Append(isOr ? " OR " : " AND ");
            sql.Append('(');
            items[i].Render(sql);
            sql.Append(')');
        }
    }
}

/// <summary>Semijoin: the common attributes appear in another query's result.</summary>
internal sealed class InQueryCondition(IReadOnlyList<string> attributes, QueryExpression subquery) : Condition
{
    public override void Render(SqlBuilder sql)
    {
        if (attributes.Count == 1)
        {
            sql.Identifier(attributes[0]);
        }
        else
        {
            sql.Append('(');
            for (var i = 0; i < attributes.Count; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Identifier(attributes[i]);
            }

            sql.Append(')');
        }

        sql.Append(" IN (");
        subquery.AppendSelectColumns(sql, attributes, distinct: false, read: false);
        sql.Append(')');
    }
}

/// <summary>A condition rendered by a delegate (typed <c>Where</c> predicates); values are bound as parameters.</summary>
internal sealed class FragmentCondition(Action<SqlBuilder> render) : Condition
{
    public override void Render(SqlBuilder sql) => render(sql);
}
