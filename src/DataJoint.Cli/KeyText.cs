using System.Globalization;

namespace DataJoint.Cli;

/// <summary>A key as the tool prints it: <c>subject_id=1, session_idx=2</c>.</summary>
internal static class KeyText
{
    public static string Describe(IEnumerable<KeyValuePair<string, object?>> key) =>
        string.Join(", ", key.Select(p => p.Key + "=" + Value(p.Value)));

    private static string Value(object? value) => value switch
    {
        null => "null",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
