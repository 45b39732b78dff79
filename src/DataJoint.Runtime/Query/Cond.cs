namespace DataJoint;

/// <summary>Combinators for restriction conditions: <c>q &amp; Cond.Or(a, b)</c>, <c>Cond.And(...)</c>, <c>Cond.Not(c)</c>.</summary>
public sealed class Cond
{
    private Cond(CondKind kind, IReadOnlyList<object> items)
    {
        Kind = kind;
        Items = items;
    }

    internal CondKind Kind { get; }

    internal IReadOnlyList<object> Items { get; }

    /// <summary>True when any of the conditions holds (an empty list matches nothing).</summary>
    public static Cond Or(params object[] conditions) => new(CondKind.Or, conditions);

    /// <summary>True when all of the conditions hold (an empty list matches everything).</summary>
    public static Cond And(params object[] conditions) => new(CondKind.And, conditions);

    /// <summary>True when the condition does not hold.</summary>
    public static Cond Not(object condition) => new(CondKind.Not, [condition]);

    internal enum CondKind
    {
        Or,
        And,
        Not,
    }
}
