using System.Globalization;

namespace DataJoint;

/// <summary>One addressable setting: its DataJoint key, CLR type and accessors on a <see cref="Config"/>.</summary>
internal sealed class Setting(string key, Type type, Func<Config, object?> get, Action<Config, object?> set, bool secret = false)
{
    public string Key { get; } = key;

    public Type Type { get; } = type;

    public bool Secret { get; } = secret;

    public object? Get(Config config) => get(config);

    /// <summary>Sets a typed value (runtime overrides): the value must already have the setting's type (numbers widen).</summary>
    public void Set(Config config, object? value)
    {
        var target = Nullable.GetUnderlyingType(Type) ?? Type;
        var nullable = !Type.IsValueType || Nullable.GetUnderlyingType(Type) is not null;
        object? converted = value switch
        {
            null when nullable => null,
            null => throw new ArgumentException($"Setting '{Key}' cannot be null.", nameof(value)),
            _ when target.IsInstanceOfType(value) => value,
            string s when target == typeof(Backend) => ParseBackend(s) ?? throw WrongType(value),
            string s when target == typeof(BulkInsertMode) => ParseBulkInsertMode(s) ?? throw WrongType(value),
            int or long or short when target == typeof(int) => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            int or long or short when target == typeof(long) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            int or long or short or float when target == typeof(double) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw WrongType(value),
        };
        try
        {
            set(config, converted);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ArgumentException($"Setting '{Key}': {ex.Message}", nameof(value), ex);
        }
    }

    /// <summary>Sets a value read as text (environment variables, secrets files).</summary>
    public void SetText(Config config, string text, string source)
    {
        var target = Nullable.GetUnderlyingType(Type) ?? Type;
        object? value = target switch
        {
            _ when target == typeof(string) => text,
            _ when target == typeof(bool) => ParseBool(text),
            _ when target == typeof(int) => int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when target == typeof(long) => long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when target == typeof(double) => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when target == typeof(Backend) => ParseBackend(text),
            _ when target == typeof(BulkInsertMode) => ParseBulkInsertMode(text),
            _ => null,
        };
        if (value is null)
        {
            throw new ConfigurationException($"{source} sets '{Key}' to a value that is not a valid {Describe(target)}"
                + (Secret ? "." : $": '{text}'."));
        }

        try
        {
            set(config, value);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ConfigurationException($"{source} sets '{Key}' out of range: {ex.Message}", ex);
        }
    }

    private ArgumentException WrongType(object value) => new(
        $"Setting '{Key}' takes a {Describe(Nullable.GetUnderlyingType(Type) ?? Type)}, not a {value.GetType().Name}.", nameof(value));

    private static string Describe(Type t) => t == typeof(Backend) ? $"backend ({BackendAdapter.DescribeNames()})"
        : t == typeof(BulkInsertMode) ? "bulk insert mode (auto, always or never)"
        : t.Name;

    internal static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };

    internal static BulkInsertMode? ParseBulkInsertMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => BulkInsertMode.Auto,
        "always" => BulkInsertMode.Always,
        "never" => BulkInsertMode.Never,
        _ => null,
    };

    internal static Backend? ParseBackend(string text) => BackendAdapter.Parse(text);
}
