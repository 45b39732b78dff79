using System.Collections;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>Turns any restriction argument into a <see cref="Condition"/> against a query's heading (docs/semantics.md#restriction).</summary>
internal static class ConditionCompiler
{
    public static Condition Compile(object? condition, QueryExpression target, bool semanticCheck)
    {
        switch (condition)
        {
            case null:
                throw new ArgumentException("Invalid restriction: null. Use true, false, a SQL string, an interpolated string, a record, a dictionary or another query.");
            case Condition compiled:
                return compiled;
            case bool b:
                return b ? ConstantCondition.True : ConstantCondition.False;
            case string s:
                StringConditionScanner.Validate(s, target.Heading);
                return new SqlTextCondition(s);
            case InterpolatedRestriction interpolated:
                return interpolated.Compile(target);
            case FormattableString formattable:
                return InterpolatedRestriction.From(formattable).Compile(target);
            case RestrictionStringHandler handler:
                return handler.ToRestriction().Compile(target);
            case Cond c:
                return CompileCond(c, target, semanticCheck);
            case QueryExpression q:
                return Semijoin(q, target, semanticCheck);
            case U:
                return ConstantCondition.True;
            case Top:
                throw new ArgumentException("Invalid restriction type: a Top cannot be nested inside an OR list, Cond.And or Cond.Not; "
                    + "apply it on its own (q & new Top(...)) or with q.Top(...).");
            case IRecord or IEnumerable<KeyValuePair<string, object?>> or IDictionary:
                return Equalities(RecordValues.TryRead(condition)!, target);
            case IEnumerable items:
                return Or(items.Cast<object>().Select(i => Compile(i, target, semanticCheck)));
            default:
                var type = condition.GetType();
                if (type.IsPrimitive || type.IsEnum || type.IsPointer || condition is decimal or DateTime or DateOnly or TimeSpan or Guid or Delegate or Type)
                {
                    throw new ArgumentException($"Invalid restriction type {type.Name}: use a SQL string, an anonymous object or dictionary, "
                        + "a Row/Key record, another query, an array or Cond.Or/Cond.And/Cond.Not, or true/false.");
                }

                return Equalities(RecordValues.PropertiesOf(condition), target);
        }
    }

    private static Condition CompileCond(Cond c, QueryExpression target, bool semanticCheck) => c.Kind switch
    {
        Cond.CondKind.Not => Compile(c.Items[0], target, semanticCheck).Negate(),
        Cond.CondKind.Or => Or(c.Items.Select(i => Compile(i, target, semanticCheck))),
        _ => And(c.Items.Select(i => Compile(i, target, semanticCheck))),
    };

    public static Condition Or(IEnumerable<Condition> conditions)
    {
        var kept = new List<Condition>();
        foreach (var condition in conditions)
        {
            if (condition.Constant == true) return ConstantCondition.True;
            if (condition.Constant == false) continue;
            kept.Add(condition);
        }

        return kept.Count switch
        {
            0 => ConstantCondition.False,
            1 => kept[0],
            _ => new JunctionCondition(isOr: true, kept),
        };
    }

    public static Condition And(IEnumerable<Condition> conditions)
    {
        var kept = new List<Condition>();
        foreach (var condition in conditions)
        {
            if (condition.Constant == false) return ConstantCondition.False;
            if (condition.Constant == true) continue;
            kept.Add(condition);
        }

        return kept.Count switch
        {
            0 => ConstantCondition.True,
            1 => kept[0],
            _ => new JunctionCondition(isOr: false, kept),
        };
    }

    /// <summary>
    /// Only names that are attributes of the target are used (DataJoint ignores the others); no usable name
    /// means the condition is TRUE. A name <c>attr.path[:type]</c> compares a JSON path inside the json attribute <c>attr</c>.
    /// </summary>
    private static Condition Equalities(IEnumerable<KeyValuePair<string, object?>> pairs, QueryExpression target)
    {
        var heading = target.Heading;
        var adapter = target.Connection.Adapter;
        var terms = new List<(string, object?)>();
        var paths = new List<Condition>();
        foreach (var (name, value) in pairs)
        {
            if (heading.TryGet(name, out var attribute))
            {
                terms.Add((name, adapter.ToDbValue(attribute.Spec, value)));
            }
            else if (JsonPathKey.TryParse(name) is { } path && heading.TryGet(path.Attribute, out var json))
            {
                if (json.Spec.Category != TypeCategory.Json)
                {
                    throw new ArgumentException($"Restriction key '{name}': `{path.Attribute}` is {json.Type}, not json; "
                        + "JSON paths (attr.path[:type]) apply only to json attributes.");
                }

                paths.Add(new JsonPathCondition(path, path.ComparisonValue(value)));
            }
        }

        if (terms.Count > 0) paths.Insert(0, new EqualityCondition(terms));
        return And(paths);
    }

    private static Condition Semijoin(QueryExpression other, QueryExpression target, bool semanticCheck)
    {
        target.AssertSameConnection(other);

        var common = target.Heading.Names.Where(other.Heading.Contains).ToArray();
        if (semanticCheck) SemanticCheck.AssertCompatible(target.Heading, other.Heading, common);
        // DataJoint: with nothing in common, the restriction keeps all rows when the other query is non-empty; the server
        // decides when the statement runs (composing an expression never queries).
        if (common.Length == 0) return new ExistsCondition(other);

        return new InQueryCondition(common, other);
    }
}
