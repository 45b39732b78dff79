using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace DataJoint;

/// <summary>
/// A DataJoint query: a heading and a set of rows described lazily. Expressions are immutable; operators
/// return new expressions, and nothing touches the database until a fetch, count or change. An expression is a model
/// only: <see cref="QuerySqlGenerator"/> renders it.
/// </summary>
public abstract partial class QueryExpression
{
    private ImmutableList<Condition> _restrictions = [];
    private TopClause? _top;

    // The whole-heading SELECT, rendered on first use: an expression is immutable, so fetching the same one again
    // (a table or restriction kept in a field) sends the same text. Copies start without it (see Copy).
    private StrongBox<SqlStatement>? _select;

    /// <summary>The connection the query runs on.</summary>
    public abstract Connection Connection { get; }

    /// <summary>The attributes of the result.</summary>
    public abstract Heading Heading { get; }

    /// <summary>Primary-key attribute names of the result.</summary>
    public IReadOnlyList<string> PrimaryKey => Heading.PrimaryKey;

    internal IReadOnlyList<Condition> Restrictions => _restrictions;

    /// <summary>True when the expression carries restrictions.</summary>
    public bool IsRestricted => !_restrictions.IsEmpty;

    /// <summary>Ordering and paging applied by <see cref="Top(int?, string?, int)"/>, or null.</summary>
    internal TopClause? TopClause => _top;

    /// <summary>Grouped (aggregation): restrictions apply after grouping.</summary>
    internal virtual bool IsAggregation => false;

    /// <summary>SELECT DISTINCT (a universal-set projection).</summary>
    internal virtual bool IsDistinct => false;

    /// <summary>Conditions of flattened operands, rendered in WHERE before this expression's own restrictions.</summary>
    internal virtual IReadOnlyList<Condition> SourceConditions => [];

    /// <summary>GROUP BY attributes of an aggregation (empty for a whole-table aggregate).</summary>
    internal virtual IReadOnlyList<string> GroupBy => [];

    /// <summary>
    /// A plain expression is FROM + WHERE only: any subset of its columns can be selected directly. Others
    /// (aggregations, DISTINCT, Top) are wrapped as a subquery when only some columns are needed.
    /// </summary>
    internal bool IsPlain => !IsAggregation && !IsDistinct && !HasPaging;

    /// <summary>A Top with a limit or offset (an order-only Top does not change which rows there are).</summary>
    internal bool HasPaging => _top is { } top && (top.Limit is not null || top.Offset > 0);

    /// <summary>Whether some attribute is computed or renamed (its value is an expression over the sources).</summary>
    internal bool HasExpressions => Heading.Attributes.Any(a => a.Expression is not null);

    /// <summary>The SELECT statement this expression runs (rendered by the backend's SQL generator; nothing is sent).</summary>
    public string Sql => SelectStatement().Text;

    /// <summary>The SELECT statement and its bound values, as a fetch of the whole heading runs it.</summary>
    internal SqlStatement SelectStatement() => (_select ??= new StrongBox<SqlStatement>(QuerySqlGenerator.Select(this, Connection.Adapter))).Value;

    /// <summary>Appends this expression's own restrictions joined by AND, without the WHERE keyword.</summary>
    internal void AppendConditionsOnly(SqlBuilder sql) => new QuerySqlGenerator(sql).AppendWhere(this, keyword: "");

    /// <summary>True when the expression restricts its source (otherwise <see cref="AppendConditionsOnly"/> writes nothing).</summary>
    internal bool HasWhere => SourceConditions.Count > 0 || _restrictions.Count > 0;

    internal SqlStatement SelectStatement(string? orderBy, int? limit, int offset) =>
        WithFetchPaging(orderBy, limit, offset).SelectStatement();

    /// <summary>Fetch arguments act as <c>Top(limit, orderBy, offset)</c>; a null order inherits the existing order (default KEY).</summary>
    internal QueryExpression WithFetchPaging(string? orderBy, int? limit, int? offset) =>
        orderBy is null && limit is null && (offset ?? 0) == 0 ? this : ApplyTop(limit, orderBy, offset ?? 0);

    /// <summary>Expands <c>KEY</c> and validates an order_by text against the heading: attributes with their direction.</summary>
    internal IReadOnlyList<(string Attribute, string Direction)> OrderItems(string orderBy)
    {
        var items = new List<(string, string)>();
        foreach (var raw in orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = parts.Length > 1 ? " " + parts[1].ToUpperInvariant() : "";
            if (direction is not ("" or " ASC" or " DESC") || parts.Length > 2)
            {
                throw new ArgumentException($"Invalid order_by item '{raw}': use 'attribute', 'attribute DESC' or 'KEY'.");
            }

            if (parts[0].Equals("KEY", StringComparison.Ordinal))
            {
                items.AddRange(PrimaryKey.Select(k => (k, direction)));
                continue;
            }

            if (!Heading.Contains(parts[0]))
            {
                throw new UnknownAttributeException($"Attribute `{parts[0]}` in order_by is not found in the query ({string.Join(", ", Heading.Names)}).");
            }

            items.Add((parts[0], direction));
        }

        return items;
    }

    /// <summary>Restricts the query to rows matching <paramref name="condition"/> (see the API guide for condition kinds).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="semanticCheck">Check that namesakes share their lineage when restricting by another query.</param>
    public QueryExpression Restrict(object condition, bool semanticCheck = true) => WithRestriction(condition, semanticCheck, negate: false);

    /// <summary>Restricts the query to rows not matching <paramref name="condition"/>.</summary>
    public QueryExpression RestrictNot(object condition, bool semanticCheck = true) => WithRestriction(condition, semanticCheck, negate: true);

    /// <summary>
    /// Restricts the query by an interpolated string: the literal text is DataJoint's SQL restriction and every hole is
    /// bound as a parameter (<c>q.Restrict($"species = {input}")</c>); see <see cref="RestrictionStringHandler"/>.
    /// </summary>
    /// <param name="condition">The interpolated restriction, built by the compiler.</param>
    /// <exception cref="ArgumentException">A hole stands inside quotes.</exception>
    /// <exception cref="UnknownAttributeException">The text names something that is not an attribute.</exception>
    [OverloadResolutionPriority(1)]
    public QueryExpression Restrict(RestrictionStringHandler condition) => WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: false);

    /// <summary>Restricts the query by a <see cref="FormattableString"/>, binding each argument as a parameter (as the interpolated form).</summary>
    /// <param name="condition">The restriction; its arguments are values, never SQL.</param>
    public QueryExpression Restrict(FormattableString condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WithRestriction(InterpolatedRestriction.From(condition), semanticCheck: true, negate: false);
    }

    /// <summary>Restricts the query to rows not matching an interpolated restriction (holes bound as parameters).</summary>
    /// <param name="condition">The interpolated restriction, built by the compiler.</param>
    [OverloadResolutionPriority(1)]
    public QueryExpression RestrictNot(RestrictionStringHandler condition) => WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: true);

    /// <summary>Restricts the query to rows not matching a <see cref="FormattableString"/> (arguments bound as parameters).</summary>
    /// <param name="condition">The restriction; its arguments are values, never SQL.</param>
    public QueryExpression RestrictNot(FormattableString condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WithRestriction(InterpolatedRestriction.From(condition), semanticCheck: true, negate: true);
    }

    /// <summary>Restriction.</summary>
    public static QueryExpression operator &(QueryExpression query, object condition) => query.Restrict(condition);

    /// <summary>Restriction by an interpolated string whose holes are bound as parameters (<c>q &amp; $"attr = {value}"</c>).</summary>
    public static QueryExpression operator &(QueryExpression query, RestrictionStringHandler condition) => query.Restrict(condition);

    /// <summary>Anti-restriction.</summary>
    public static QueryExpression operator -(QueryExpression query, object condition) => query.RestrictNot(condition);

    /// <summary>Anti-restriction by an interpolated string whose holes are bound as parameters.</summary>
    public static QueryExpression operator -(QueryExpression query, RestrictionStringHandler condition) => query.RestrictNot(condition);

    /// <summary>A copy of this expression with one more restriction; tables keep their own type.</summary>
    protected internal QueryExpression WithRestriction(object condition, bool semanticCheck, bool negate)
    {
        if (condition is global::DataJoint.Top top)
        {
            if (negate) throw new ArgumentException("Invalid restriction type: a Top cannot be negated or used in an anti-restriction.");
            return this is Table ? TableTop(top.Limit, top.OrderBy, top.Offset) : ApplyTop(top.Limit, top.OrderBy, top.Offset);
        }

        // DataJoint's subquery rule: restricting anything with a Top, or computed/renamed attributes of a
        // non-aggregation, applies to the wrapped result. Aggregations take HAVING where the backend can
        // reference SELECT aliases there; elsewhere they are wrapped.
        var target = this;
        if (HasPaging || (IsAggregation ? !Connection.Adapter.HavingSeesSelectAliases : HasExpressions))
        {
            target = Wrap();
        }

        var compiled = ConditionCompiler.Compile(condition, target, semanticCheck);
        if (negate) compiled = compiled.Negate();
        if (compiled.Constant == true) return target;
        var copy = target.Copy();
        copy._restrictions = target._restrictions.Add(compiled);
        return copy;
    }

    /// <summary>A copy restricted by an already compiled condition (a plain expression only: its columns are its sources').</summary>
    internal QueryExpression WithCondition(Condition condition)
    {
        // A table needs no heading for this (its columns are its own), so a handle whose heading is not read yet can be restricted.
        if (this is not Table && (!IsPlain || HasExpressions)) throw new InvalidOperationException("Compiled conditions restrict plain expressions only.");
        var copy = Copy();
        copy._restrictions = _restrictions.Add(condition);
        return copy;
    }

    /// <summary>A shallow copy to change one part of; it renders its own SQL.</summary>
    private QueryExpression Copy()
    {
        var copy = (QueryExpression)MemberwiseClone();
        copy._select = null;
        return copy;
    }

    /// <summary>This expression as a subquery: <c>SELECT * FROM (this) AS alias</c>, a plain expression over its columns.</summary>
    internal QueryExpression Wrap() => DerivedQuery.Over(this);

    /// <summary>Applies ordering/paging with DataJoint's merge rule for consecutive Tops (docs/semantics.md#ordering-and-paging).</summary>
    internal QueryExpression ApplyTop(long? limit, string? orderBy, long offset)
    {
        if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Top limit must be a non-negative integer or null.");
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "Top offset must be a non-negative integer.");
        if (orderBy is not null) _ = OrderItems(orderBy);
        if (this is Table)
        {
            // Tables never carry paging themselves (deletes and typed restrictions use them as tables); a paged
            // table is a derived query over it, keeping the table's fetch order.
            var flat = DerivedQuery.Flatten(this);
            flat._top = _top;
            return flat.ApplyTop(limit, orderBy, offset);
        }

        if (_top is null)
        {
            var copy = Copy();
            copy._top = new TopClause(limit, orderBy ?? "KEY", offset);
            return copy;
        }

        if (orderBy is null || string.Equals(orderBy, _top.OrderBy, StringComparison.Ordinal))
        {
            var merged = Copy();
            var mergedLimit = (_top.Limit, limit) switch
            {
                (null, var b) => b,
                (var a, null) => a,
                (var a, var b) => Math.Min(a!.Value, b!.Value),
            };
            merged._top = new TopClause(mergedLimit, _top.OrderBy, _top.Offset + offset);
            return merged;
        }

        return Wrap().ApplyTop(limit, orderBy, offset);
    }

    /// <summary>
    /// A Top applied by restriction to a table keeps the table's type (so typed operators and fetches still
    /// apply): the rows become <c>key IN (SELECT key ... ORDER BY ... LIMIT ...)</c> and the ordering is kept for
    /// fetching. Deleting from such a table deletes exactly those rows.
    /// </summary>
    private QueryExpression TableTop(long? limit, string? orderBy, long offset)
    {
        if (orderBy is not null) _ = OrderItems(orderBy);
        var order = orderBy ?? _top?.OrderBy ?? "KEY";
        var copy = Copy();
        if (limit is not null || offset > 0)
        {
            var limited = DerivedQuery.Flatten(this).ApplyTop(limit, order, offset);
            copy._restrictions = _restrictions.Add(new InQueryCondition(PrimaryKey, limited));
        }

        copy._top = new TopClause(null, order, 0);
        return copy;
    }

    /// <summary>Throws unless both operands run on the same connection (DataJoint's first join-compatibility rule).</summary>
    internal void AssertSameConnection(QueryExpression other)
    {
        if (!ReferenceEquals(Connection, other.Connection))
        {
            throw new ArgumentException("Cannot operate on expressions from different connections: both operands must come from "
                + "the same Instance (connection). Fetch from one and restrict the other by the fetched keys instead.");
        }
    }

    /// <summary>Exactly one element; DataJoint's fetch1 error otherwise.</summary>
    protected internal static T Single<T>(IReadOnlyList<T> rows) => rows.Count == 1
        ? rows[0]
        : throw new DataJointException(rows.Count == 0
            ? "fetch1 requires exactly one tuple in the input set. The query returned none."
            : "fetch1 requires exactly one tuple in the input set. The query returned more than one; restrict it to one key.");
}

/// <summary>Ordering and paging of an expression (DataJoint's <c>Top</c>).</summary>
internal sealed record TopClause(long? Limit, string? OrderBy, long Offset);
