using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>DataJoint's (Python logging's) level names and the .NET levels they stand for.</summary>
internal static class LogLevels
{
    public static LogLevel? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        _ => null,
    };
}
