using System.Collections.Immutable;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// A DataJoint query: a heading and a set of rows described lazily. Expressions are immutable; operators
/// return new expressions, and nothing touches the database until a fetch, count or change.
/// </summary>
public abstract partial class QueryExpression
{
    private ImmutableList<Condition> _restrictions = [];

    /// <summary>The connection the query runs on.</summary>
    public abstract Connection Connection { get; }

    /// <summary>The attributes of the result.</summary>
    public abstract Heading Heading { get; }

    /// <summary>Primary-key attribute names of the result.</summary>
    public IReadOnlyList<string> PrimaryKey => Heading.PrimaryKey;

    internal IReadOnlyList<Condition> Restrictions => _restrictions;

    /// <summary>True when the expression carries restrictions.</summary>
    public bool IsRestricted => !_restrictions.IsEmpty;

    /// <summary>The SELECT statement this expression runs.</summary>
    public string Sql
    {
        get
        {
            var sql = new SqlBuilder(Connection.Adapter);
            AppendSelect(sql, null, distinct: false);
            return sql.ToString();
        }
    }

    /// <summary>Appends what goes after FROM (a table name or a parenthesised subquery with alias).</summary>
    internal abstract void AppendFrom(SqlBuilder sql);

    /// <summary>Appends <c>SELECT cols FROM ... WHERE ...</c>; <paramref name="columns"/> null means the whole heading.</summary>
    internal void AppendSelect(SqlBuilder sql, IReadOnlyList<string>? columns, bool distinct)
    {
        sql.Append(distinct ? "SELECT DISTINCT " : "SELECT ");
        AppendColumns(sql, columns ?? Heading.Names);
        sql.Append(" FROM ");
        AppendFrom(sql);
        AppendWhere(sql);
    }

    private void AppendColumns(SqlBuilder sql, IReadOnlyList<string> columns)
    {
        if (columns.Count == 0)
        {
            sql.Append('1');
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) sql.Append(',');
            var attribute = Heading[columns[i]];
            if ((attribute.Expression ?? sql.Adapter.ReadExpression(sql.Adapter.Quote(attribute.Name), attribute.Spec)) is { } expression)
            {
                sql.Append(expression).Append(" AS ");
            }

            sql.Identifier(attribute.Name);
        }
    }

    internal void AppendWhere(SqlBuilder sql)
    {
        if (_restrictions.IsEmpty) return;
        sql.Append(" WHERE ");
        for (var i = 0; i < _restrictions.Count; i++)
        {
            if (i > 0) sql.Append(" AND ");
            sql.Append('(');
            _restrictions[i].Render(sql);
            sql.Append(')');
        }
    }

    internal SqlStatement SelectStatement(string? orderBy, int? limit, int offset)
    {
        var sql = new SqlBuilder(Connection.Adapter);
        AppendSelect(sql, null, distinct: false);
        AppendOrderAndLimit(sql, orderBy, limit, offset);
        return sql.Build();
    }

    internal void AppendOrderAndLimit(SqlBuilder sql, string? orderBy, int? limit, int offset)
    {
        if (orderBy is not null)
        {
            sql.Append(" ORDER BY ").Append(OrderByClause(orderBy));
        }

        if (limit is not null || offset > 0)
        {
            sql.Append(" LIMIT ").Append((limit ?? 999_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (offset > 0) sql.Append(" OFFSET ").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Expands <c>KEY</c> and quotes attribute names, validating them against the heading.</summary>
    internal string OrderByClause(string orderBy)
    {
        var items = new List<string>();
        foreach (var raw in orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = parts.Length > 1 ? " " + parts[1].ToUpperInvariant() : "";
            if (direction is not ("" or " ASC" or " DESC") || parts.Length > 2)
            {
                throw new DataJointException($"Invalid order_by item '{raw}': use 'attribute', 'attribute DESC' or 'KEY'.");
            }

            if (parts[0].Equals("KEY", StringComparison.Ordinal))
            {
                items.AddRange(PrimaryKey.Select(k => Connection.Adapter.Quote(k) + direction));
                continue;
            }

            if (!Heading.Contains(parts[0]))
            {
                throw new UnknownAttributeException($"Attribute `{parts[0]}` in order_by is not found in the query ({string.Join(", ", Heading.Names)}).");
            }

            items.Add(Connection.Adapter.Quote(parts[0]) + direction);
        }

        return string.Join(", ", items);
    }

    /// <summary>Restricts the query to rows matching <paramref name="condition"/> (see the API guide for condition kinds).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="semanticCheck">Check that namesakes share their lineage when restricting by another query.</param>
    public QueryExpression Restrict(object condition, bool semanticCheck = true) => WithRestriction(condition, semanticCheck, negate: false);

    /// <summary>Restricts the query to rows not matching <paramref name="condition"/>.</summary>
    public QueryExpression RestrictNot(object condition, bool semanticCheck = true) => WithRestriction(condition, semanticCheck, negate: true);

    /// <summary>Restriction.</summary>
    public static QueryExpression operator &(QueryExpression query, object condition) => query.Restrict(condition);

    /// <summary>Anti-restriction.</summary>
    public static QueryExpression operator -(QueryExpression query, object condition) => query.RestrictNot(condition);

    /// <summary>A copy of this expression with one more restriction; derived classes keep their own type.</summary>
    protected internal QueryExpression WithRestriction(object condition, bool semanticCheck, bool negate)
    {
        var compiled = ConditionCompiler.Compile(condition, this, semanticCheck);
        if (negate) compiled = compiled.Negate();
        if (compiled.Constant == true) return this;
        var copy = (QueryExpression)MemberwiseClone();
        copy._restrictions = _restrictions.Add(compiled);
        return copy;
    }

    /// <summary>Number of rows.</summary>
    public long Count() => Connection.ReadScalar<long>(CountStatement(), "Counting rows");

    /// <summary>Number of rows.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await Connection.ReadScalarAsync<long>(CountStatement(), "Counting rows", cancellationToken).ConfigureAwait(false);

    private SqlStatement CountStatement()
    {
        var sql = new SqlBuilder(Connection.Adapter);
        sql.Append("SELECT count(*) FROM (");
        AppendSelect(sql, PrimaryKey.Count > 0 ? PrimaryKey : Heading.Names, distinct: true);
        sql.Append(") ").Identifier("_count");
        return sql.Build();
    }

    /// <summary>Whether the query has any row.</summary>
    public bool Exists() => Connection.ReadScalar<long>(ExistsStatement(), "Checking for rows") != 0;

    /// <summary>Whether the query has any row.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await Connection.ReadScalarAsync<long>(ExistsStatement(), "Checking for rows", cancellationToken).ConfigureAwait(false) != 0;

    private SqlStatement ExistsStatement()
    {
        var sql = new SqlBuilder(Connection.Adapter);
        sql.Append("SELECT CASE WHEN EXISTS (");
        AppendSelect(sql, [], distinct: false);
        sql.Append(") THEN 1 ELSE 0 END");
        return sql.Build();
    }

    /// <summary>All rows as dictionaries of attribute name to value, in heading order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ToDicts(string? orderBy = null, int? limit = null, int? offset = null) =>
        Connection.ReadAll(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", ReadDictionary);

    /// <summary>Asynchronous <see cref="ToDicts"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ToDictsAsync(string? orderBy = null, int? limit = null,
        int? offset = null, CancellationToken cancellationToken = default) =>
        await Connection.ReadAllAsync(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", ReadDictionary, cancellationToken)
            .ConfigureAwait(false);

    private IReadOnlyDictionary<string, object?> ReadDictionary(DbDataReader reader)
    {
        var attributes = Heading.Attributes;
        var row = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
        for (var i = 0; i < attributes.Count; i++)
        {
            row[attributes[i].Name] = ColumnReader.ReadValue(reader, i, attributes[i]);
        }

        return row;
    }

    /// <summary>The primary keys of the rows, as dictionaries.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Keys(string? orderBy = null, int? limit = null, int? offset = null)
    {
        var sql = new SqlBuilder(Connection.Adapter);
        AppendSelect(sql, PrimaryKey, distinct: true);
        AppendOrderAndLimit(sql, orderBy, limit, offset ?? 0);
        var key = PrimaryKey.Select(k => Heading[k]).ToArray();
        return Connection.ReadAll(sql.Build(), "Fetching keys", reader =>
        {
            var row = new Dictionary<string, object?>(key.Length, StringComparer.Ordinal);
            for (var i = 0; i < key.Length; i++) row[key[i].Name] = ColumnReader.ReadValue(reader, i, key[i]);
            return (IReadOnlyDictionary<string, object?>)row;
        });
    }

    /// <summary>One attribute of every row (DataJoint's <c>to_arrays("a")</c>).</summary>
    public TValue[] Column<TValue>(string attribute, string? orderBy = null, int? limit = null, int? offset = null)
    {
        var heading = Heading[attribute];
        var sql = new SqlBuilder(Connection.Adapter);
        AppendSelect(sql, [attribute], distinct: false);
        AppendOrderAndLimit(sql, orderBy, limit, offset ?? 0);
        return Connection.ReadAll(sql.Build(), "Fetching a column", reader => ValueConverter.To<TValue>(ColumnReader.ReadValue(reader, 0, heading), attribute))
            .ToArray();
    }

    /// <summary>Rows mapped onto <typeparamref name="TRecord"/> by attribute name (PascalCase properties match snake_case attributes).</summary>
    public IReadOnlyList<TRecord> Fetch<TRecord>(string? orderBy = null, int? limit = null, int? offset = null) where TRecord : new()
    {
        var mapper = RecordMapper<TRecord>.For(Heading);
        return Connection.ReadAll(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", mapper.Read);
    }

    /// <summary>The single row mapped onto <typeparamref name="TRecord"/>; zero or several rows throw.</summary>
    public TRecord Fetch1<TRecord>() where TRecord : new() => Single(Fetch<TRecord>(limit: 2));

    /// <summary>Exactly one element; DataJoint's fetch1 error otherwise.</summary>
    protected internal static T Single<T>(IReadOnlyList<T> rows) => rows.Count == 1
        ? rows[0]
        : throw new DataJointException(rows.Count == 0
            ? "fetch1 requires exactly one tuple in the input set: the query returned none."
            : "fetch1 requires exactly one tuple in the input set: the query returned more than one. Restrict it to one key.");
}
