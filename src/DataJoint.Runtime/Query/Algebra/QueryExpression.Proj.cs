using System.Text.RegularExpressions;
using DataJoint.Definition;

namespace DataJoint;

public abstract partial class QueryExpression
{
    [GeneratedRegex(@"^\s*(?<name>[a-z_][a-z0-9_]*)\s*=(?!=)\s*(?<value>.+?)\s*$", RegexOptions.Singleline)]
    private static partial Regex NamedItem();

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\(\s*(?<name>[a-z_][a-z0-9_]*)\s*\)$")]
    private static partial Regex Duplicate();

    /// <summary>
    /// Projection (docs/semantics.md#projection). Primary-key attributes are always kept unless renamed. Each item is an
    /// attribute to keep, <c>"..."</c> (all secondary attributes), <c>"-attr"</c> (exclude), <c>"new = old"</c>
    /// (rename), <c>"new = (old)"</c> (duplicate) or <c>"new = &lt;sql expression&gt;"</c> (computed).
    /// </summary>
    public QueryExpression Proj(params string[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parsed = ProjectionItems.Parse(items, Heading, allowExclusions: true);

        // An operand that is not a plain join of tables is projected as a subquery (alias of alias, Top, aggregation, union).
        var operand = CanFlatten(this) ? this : Wrap();
        var source = operand.Heading;
        var attributes = new List<HeadingAttribute>();
        foreach (var name in source.PrimaryKey)
        {
            attributes.Add(parsed.Renames.TryGetValue(name, out var renamed)
                ? source[name] with { Name = renamed, RenamedFrom = name, Expression = Connection.Adapter.Quote(name) }
                : source[name]);
        }

        foreach (var attribute in source.Attributes.Where(a => !a.InKey))
        {
            if (parsed.Renames.TryGetValue(attribute.Name, out var renamed))
            {
                attributes.Add(attribute with { Name = renamed, RenamedFrom = attribute.Name, Expression = Connection.Adapter.Quote(attribute.Name) });
            }
            else if (parsed.IsKept(attribute.Name))
            {
                attributes.Add(attribute);
            }
        }

        foreach (var (name, old) in parsed.Duplicates)
        {
            attributes.Add(source[old] with { Name = name, InKey = false, RenamedFrom = old, Expression = Connection.Adapter.Quote(old) });
        }

        foreach (var (name, expression) in parsed.Computed) attributes.Add(ComputedAttribute(name, expression));

        ProjectionItems.AssertUnique(attributes);
        var (sources, conditions) = DerivedQuery.Decompose(operand);
        return new DerivedQuery(Connection, new Heading(attributes, source.LineageAvailable), sources, conditions, hidesColumns: true);
    }

    private HeadingAttribute ComputedAttribute(string name, string expression) =>
        new(name, "expression", inKey: false, nullable: true, defaultValue: null, comment: "", lineage: null)
        {
            Expression = "(" + Connection.Adapter.TranslateExpression(expression) + ")",
            Spec = new TypeSpec(TypeCategory.Native, "expression") { NativeClrType = "object" },
        };

    /// <summary>Parsed projection/aggregation items.</summary>
    private sealed class ProjectionItems
    {
        public bool KeepAll { get; private set; }

        public HashSet<string> Keep { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Exclude { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Renames { get; } = new(StringComparer.Ordinal);

        public List<(string Name, string Old)> Duplicates { get; } = [];

        public List<(string Name, string Expression)> Computed { get; } = [];

        public bool IsKept(string name) => !Exclude.Contains(name) && (KeepAll || Keep.Contains(name));

        public static ProjectionItems Parse(IEnumerable<string> items, Heading heading, bool allowExclusions)
        {
            var result = new ProjectionItems();
            foreach (var raw in items)
            {
                if (raw is null) throw new DataJointException("Invalid projection item: null. Items are attribute names, \"...\", \"-attr\" or \"name = expression\".");
                var item = raw.Trim();
                if (item == "...")
                {
                    result.KeepAll = true;
                }
                else if (allowExclusions && item.StartsWith('-') && Identifier().IsMatch(item[1..].Trim()))
                {
                    var name = item[1..].Trim();
                    if (!heading.Contains(name)) throw new UnknownAttributeException($"Attribute `{name}` not found.");
                    if (heading[name].InKey)
                    {
                        throw new DataJointException($"Cannot exclude primary key attribute `{name}`: primary-key attributes are always "
                            + "kept by a projection (rename it with \"new_name = " + name + "\" instead).");
                    }

                    result.Exclude.Add(name);
                    result.KeepAll = true;
                }
                else if (NamedItem().Match(item) is { Success: true } named)
                {
                    var name = named.Groups["name"].Value;
                    var value = named.Groups["value"].Value;
                    if (Identifier().IsMatch(value))
                    {
                        // DataJoint intends to check the source attribute exists (its own check is ineffective); a typo must not vanish silently.
                        if (!heading.Contains(value)) throw new UnknownAttributeException($"Attribute `{value}` not found.");
                        if (!result.Renames.TryAdd(value, name)) result.Duplicates.Add((name, value));
                    }
                    else if (Duplicate().Match(value) is { Success: true } duplicate)
                    {
                        var old = duplicate.Groups["name"].Value;
                        if (!heading.Contains(old)) throw new UnknownAttributeException($"Attribute `{old}` not found.");
                        result.Duplicates.Add((name, old));
                    }
                    else
                    {
                        result.Computed.Add((name, value));
                    }
                }
                else if (Identifier().IsMatch(item))
                {
                    if (!heading.Contains(item)) throw new UnknownAttributeException($"Attribute `{item}` not found.");
                    result.Keep.Add(item);
                }
                else
                {
                    throw new DataJointException($"Invalid projection item '{raw}': use an attribute name, \"...\", \"-attr\", "
                        + "\"new = old\", \"new = (old)\" or \"new = <sql expression>\".");
                }
            }

            return result;
        }

        public static void AssertUnique(IEnumerable<HeadingAttribute> attributes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in attributes)
            {
                if (!seen.Add(a.Name)) throw new DataJointException($"Attribute `{a.Name}` already exists");
            }
        }
    }
}
