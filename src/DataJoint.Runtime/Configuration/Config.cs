namespace DataJoint;

/// <summary>
/// DataJoint settings. Every <see cref="Instance"/> owns its own <see cref="Config"/>; operations read the
/// settings of the connection they run on, never a global.
/// </summary>
public sealed partial class Config
{
    /// <summary><c>database.*</c>.</summary>
    public DatabaseSettings Database { get; } = new();

    /// <summary><c>safemode</c>: ask before delete and drop (default true).</summary>
    public bool SafeMode { get; set; } = true;

    /// <summary>
    /// Asked for confirmation by delete and drop when <see cref="SafeMode"/> is on. Returns true to proceed.
    /// The default asks on the console when it is interactive and refuses otherwise.
    /// </summary>
    public Func<string, bool> Confirm { get; set; } = ConsoleConfirm;

    /// <summary>Builds a configuration from DataJoint's sources (defaults for now; see the configuration issue).</summary>
    public static Config Load() => new();

    /// <summary>Sets a setting by its DataJoint key (<c>safemode</c>, <c>database.port</c> or <c>database__port</c>).</summary>
    /// <exception cref="ArgumentException">The key is unknown or the value has the wrong type.</exception>
    public void Set(string key, object? value)
    {
        switch (key.Replace("__", ".", StringComparison.Ordinal))
        {
            case "safemode" when value is bool b:
                SafeMode = b;
                break;
            case "database.reconnect" when value is bool b:
                Database.Reconnect = b;
                break;
            default:
                throw new ArgumentException($"Unknown setting '{key}' or a value of the wrong type.", nameof(key));
        }
    }

    private static bool ConsoleConfirm(string question)
    {
        if (Console.IsInputRedirected || !Environment.UserInteractive) return false;
        Console.Write($"{question} [yes/No]: ");
        var answer = Console.ReadLine();
        return string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }
}
