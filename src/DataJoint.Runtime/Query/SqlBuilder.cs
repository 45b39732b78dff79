using System.Text;

namespace DataJoint;

/// <summary>
/// Builds one SQL statement and its bound parameter values. Values are never spliced into the text; the
/// backend decides the placeholder syntax.
/// </summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<object?> _parameters = [];

    public SqlBuilder(BackendAdapter adapter) => Adapter = adapter;

    public BackendAdapter Adapter { get; }

    public IReadOnlyList<object?> Parameters => _parameters;

    public int Length => _text.Length;

    public SqlBuilder Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    public SqlBuilder Append(char c)
    {
        _text.Append(c);
        return this;
    }

    /// <summary>Appends a quoted identifier.</summary>
    public SqlBuilder Identifier(string name)
    {
        _text.Append(Adapter.Quote(name));
        return this;
    }

    /// <summary>Appends a placeholder bound to <paramref name="value"/> (already converted for the backend).</summary>
    public SqlBuilder Parameter(object? value)
    {
        var (sql, bound) = Adapter.BindValue(_parameters.Count, value);
        _parameters.Add(bound);
        _text.Append(sql);
        return this;
    }

    private int _aliases;

    /// <summary>A fresh alias for a subquery in this statement (deterministic, so SQL snapshots are stable).</summary>
    public string NextAlias() => "_s" + (++_aliases).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Truncate(int length) => _text.Length = length;

    public SqlStatement Build() => new(_text.ToString(), _parameters.ToArray());

    public override string ToString() => _text.ToString();
}

/// <summary>A statement and the values bound to its placeholders.</summary>
internal readonly record struct SqlStatement(string Text, IReadOnlyList<object?> Parameters);
