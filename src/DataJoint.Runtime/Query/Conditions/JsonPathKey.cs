using System.Globalization;
using System.Text.RegularExpressions;

namespace DataJoint;

/// <summary>
/// A restriction key that reaches into a json attribute, as DataJoint writes it: <c>attr.path.to[0].field[:type]</c>
/// (docs/semantics.md#restriction). The path is checked here so it can be written into SQL as a literal.
/// </summary>
internal sealed partial record JsonPathKey(string Attribute, string Path, string? Type)
{
    [GeneratedRegex(@"^(?<attr>\w+)\.(?<path>[\w.*\[\]]+)(?::(?<type>[\w(,\s)]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    // A cast target such as int, unsigned, char(10), decimal(5,2) or double precision — and nothing that could close the cast.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CastType();

    [GeneratedRegex(@"\[(\d+|\*)\]|\.?([^.\[\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    /// <summary>The key's attribute when it has a JSON path, else null (a plain attribute name).</summary>
    public static JsonPathKey? TryParse(string key)
    {
        var match = Pattern().Match(key);
        if (!match.Success) return null;
        var type = match.Groups["type"].Success ? match.Groups["type"].Value.Trim() : null;
        if (type is not null && !CastType().IsMatch(type))
        {
            throw new DataJointException($"Restriction key '{key}': '{type}' is not a type to cast a JSON value to; write e.g. "
                + "'attr.path:unsigned' or 'attr.path:decimal(5,2)'.");
        }

        return new JsonPathKey(match.Groups["attr"].Value, match.Groups["path"].Value, type);
    }

    /// <summary>Path steps: object member names and array indexes (as text), in order.</summary>
    public IReadOnlyList<string> Steps => Segment().Matches(Path).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();

    /// <summary>
    /// The value to compare with: without a <c>:type</c> the path yields text, so scalars are compared as JSON prints
    /// them and <see cref="System.Text.Json.Nodes.JsonNode"/> values as JSON text (as DataJoint compares dicts).
    /// </summary>
    public object? ComparisonValue(object? value) => value switch
    {
        null => null,
        _ when Type is not null => value,
        bool b => b ? "true" : "false",
        string s => s,
        System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new DataJointException($"Cannot compare the JSON path '{Attribute}.{Path}' with a {value.GetType().Name}: "
            + "use a string, number, bool or JsonNode."),
    };
}
