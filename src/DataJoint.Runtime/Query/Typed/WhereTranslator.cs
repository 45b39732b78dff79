using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// Translates a typed predicate over a generated <c>Row</c> (<c>r =&gt; r.Species == "mouse" &amp;&amp; r.Weight &gt; 20</c>)
/// into a restriction with bound parameters. Supported: comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, null
/// checks, boolean attributes, captured variables, <c>collection.Contains(r.X)</c> (IN), and string
/// <c>StartsWith</c>/<c>EndsWith</c>/<c>Contains</c> (LIKE with wildcards escaped). Anything else throws: rows
/// are never filtered on the client.
/// </summary>
internal static class WhereTranslator
{
    public static Condition Translate(LambdaExpression predicate, QueryExpression target)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new Visitor(predicate.Parameters[0], target).Condition(predicate.Body);
    }

    private sealed class Visitor(ParameterExpression row, QueryExpression target)
    {
        private readonly Heading _heading = target.Heading;
        private readonly BackendAdapter _adapter = target.Connection.Adapter;

        public Condition Condition(Expression node)
        {
            node = StripConvert(node);
            switch (node)
            {
                case BinaryExpression { NodeType: ExpressionType.AndAlso } b:
                    return ConditionCompiler.And([Condition(b.Left), Condition(b.Right)]);
                case BinaryExpression { NodeType: ExpressionType.OrElse } b:
                    return ConditionCompiler.Or([Condition(b.Left), Condition(b.Right)]);
                case UnaryExpression { NodeType: ExpressionType.Not } u:
                    return Condition(u.Operand).Negate();
                case BinaryExpression b when Comparison(b.NodeType) is { } op:
                    return Compare(b, op);
                case MethodCallExpression call:
                    return Method(call);
                case MemberExpression m when Attribute(m) is { } attribute && attribute.Spec.Category == TypeCategory.Bool:
                    return new FragmentCondition(sql => sql.Identifier(attribute.Name).Append('=').Parameter(_adapter.ToDbValue(attribute.Spec, true)));
                case ConstantExpression { Value: bool constant }:
                    return constant ? ConstantCondition.True : ConstantCondition.False;
                default:
                    if (!UsesRow(node) && node.Type == typeof(bool))
                    {
                        return (bool)Evaluate(node)! ? ConstantCondition.True : ConstantCondition.False;
                    }

                    throw Untranslatable(node);
            }
        }

        private static string? Comparison(ExpressionType type) => type switch
        {
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "<>",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            _ => null,
        };

        private static string Mirror(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

        private FragmentCondition Compare(BinaryExpression b, string op)
        {
            var left = StripConvert(b.Left);
            var right = StripConvert(b.Right);

            // string.Compare(r.Name, "x") > 0 style is not supported; attribute vs value or attribute vs attribute only.
            if (Attribute(left) is { } la && Attribute(right) is { } ra)
            {
                return new FragmentCondition(sql => sql.Identifier(la.Name).Append(op).Identifier(ra.Name));
            }

            if (Attribute(left) is { } attribute && !UsesRow(right)) return CompareValue(attribute, op, Evaluate(right), b);
            if (Attribute(right) is { } mirrored && !UsesRow(left)) return CompareValue(mirrored, Mirror(op), Evaluate(left), b);
            throw Untranslatable(b);
        }

        private FragmentCondition CompareValue(HeadingAttribute attribute, string op, object? value, Expression node)
        {
            if (value is null)
            {
                return op switch
                {
                    "=" => new FragmentCondition(sql => sql.Identifier(attribute.Name).Append(" IS NULL")),
                    "<>" => new FragmentCondition(sql => sql.Identifier(attribute.Name).Append(" IS NOT NULL")),
                    _ => throw new ArgumentException($"Cannot translate '{node}': ordering comparisons with null are always false in SQL."),
                };
            }

            var bound = _adapter.ToDbValue(attribute.Spec, value);
            return new FragmentCondition(sql => sql.Identifier(attribute.Name).Append(op).Parameter(bound));
        }

        private Condition Method(MethodCallExpression call)
        {
            // r.Name.StartsWith("x") / EndsWith / Contains → LIKE with the wildcards of the value escaped.
            if (call.Object is not null && call.Object.Type == typeof(string) && Attribute(StripConvert(call.Object)) is { } text
                && call.Arguments.Count == 1 && !UsesRow(call.Arguments[0])
                && call.Method.Name is nameof(string.StartsWith) or nameof(string.EndsWith) or nameof(string.Contains))
            {
                var value = Evaluate(call.Arguments[0]) as string
                    ?? throw new ArgumentException($"Cannot translate '{call}': the argument must be a non-null string.");
                var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                    .Replace("_", "\\_", StringComparison.Ordinal);
                var pattern = call.Method.Name switch
                {
                    nameof(string.StartsWith) => escaped + "%",
                    nameof(string.EndsWith) => "%" + escaped,
                    _ => "%" + escaped + "%",
                };
                return new FragmentCondition(sql => sql.Identifier(text.Name).Append(" LIKE ").Parameter(pattern));
            }

            // values.Contains(r.X): Enumerable.Contains(values, r.X) or values.Contains(r.X) on a collection → IN.
            Expression? collection = null;
            Expression? item = null;
            if (call.Method.Name == "Contains" && call.Method.IsStatic && call.Arguments.Count == 2)
            {
                (collection, item) = (call.Arguments[0], call.Arguments[1]);
            }
            else if (call.Method.Name == "Contains" && call.Object is not null && call.Arguments.Count == 1 && call.Object.Type != typeof(string))
            {
                (collection, item) = (call.Object, call.Arguments[0]);
            }

            if (collection is not null) collection = UnwrapSpan(collection);
            if (collection is not null && !UsesRow(collection) && Attribute(StripConvert(item!)) is { } member)
            {
                var values = ((IEnumerable?)Evaluate(collection))?.Cast<object?>().ToList()
                    ?? throw new ArgumentException($"Cannot translate '{call}': the collection is null.");
                var nonNull = values.Where(v => v is not null).Select(v => _adapter.ToDbValue(member.Spec, v)).ToList();
                var hasNull = nonNull.Count < values.Count;
                if (nonNull.Count == 0 && !hasNull) return ConstantCondition.False;
                return new FragmentCondition(sql =>
                {
                    if (nonNull.Count > 0)
                    {
                        sql.Identifier(member.Name).Append(" IN (");
                        for (var i = 0; i < nonNull.Count; i++)
                        {
                            if (i > 0) sql.Append(',');
                            sql.Parameter(nonNull[i]);
                        }

                        sql.Append(')');
                    }

                    if (hasNull) sql.Append(nonNull.Count > 0 ? " OR " : "").Identifier(member.Name).Append(" IS NULL");
                });
            }

            if (!UsesRow(call) && call.Type == typeof(bool)) return (bool)Evaluate(call)! ? ConstantCondition.True : ConstantCondition.False;
            throw Untranslatable(call);
        }

        private HeadingAttribute? Attribute(Expression node)
        {
            node = StripConvert(node);
            if (node is not MemberExpression { Expression: ParameterExpression p, Member: PropertyInfo property } || p != row) return null;
            foreach (var attribute in _heading.Attributes)
            {
                if (Naming.SnakeToPascal(attribute.Name) == property.Name) return attribute;
            }

            throw new ArgumentException($"Cannot translate '{node}': {property.Name} is not an attribute of the query ({string.Join(", ", _heading.Names)}).");
        }

        private bool UsesRow(Expression node)
        {
            var finder = new RowFinder(row);
            finder.Visit(node);
            return finder.Found;
        }

        /// <summary>C# 14 binds <c>array.Contains(x)</c> to <c>MemoryExtensions.Contains(ReadOnlySpan)</c>; the span cannot be boxed, so read the array.</summary>
        private static Expression UnwrapSpan(Expression node)
        {
            while (true)
            {
                var type = node.Type;
                var isSpan = type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Span<>) || type.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>));
                if (!isSpan) return node;
                node = node switch
                {
                    MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } call => call.Arguments[0],
                    UnaryExpression { NodeType: ExpressionType.Convert } u => u.Operand,
                    NewExpression { Arguments.Count: 1 } n => n.Arguments[0],
                    _ => throw new ArgumentException($"Cannot translate '{node}': pass an array or collection to Contains."),
                };
            }
        }

        private static Expression StripConvert(Expression node)
        {
            while (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u) node = u.Operand;
            return node;
        }

        private static object? Evaluate(Expression node) => node switch
        {
            ConstantExpression c => c.Value,
            MemberExpression { Expression: ConstantExpression closure, Member: FieldInfo field } => field.GetValue(closure.Value),
            _ => Expression.Lambda(Expression.Convert(node, typeof(object))).Compile().DynamicInvoke(),
        };

        private static DataJointException Untranslatable(Expression node) => new(
            $"Cannot translate '{node}' to SQL. Where supports comparisons of attributes with values or other attributes, &&, ||, !, "
            + "null checks, boolean attributes, collection.Contains(r.X) and string StartsWith/EndsWith/Contains. Rows are never "
            + "filtered on the client; use a SQL string restriction for anything else.");
    }

    private sealed class RowFinder(ParameterExpression row) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == row) Found = true;
            return node;
        }
    }
}
