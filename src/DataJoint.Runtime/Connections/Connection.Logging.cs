using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataJoint;

public sealed partial class Connection
{
    /// <summary>
    /// Where DataJoint logs (populate and jobs events with stable event ids, see <c>docs/architecture.md</c>). Silent
    /// by default. The factory given to <see cref="Instance(Config, ILoggerFactory?)"/> is set here and also reaches the
    /// driver (MySqlConnector, Npgsql); one set later serves DataJoint's own events only.
    /// </summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Where DataJoint's own events go: <see cref="LoggerFactory"/>, below <see cref="Config.LogLevel"/> (<c>loglevel</c>) dropped.</summary>
    internal ILoggerFactory DataJointLoggers => new LevelFilteredLoggerFactory(LoggerFactory, Config.MinimumLogLevel);
}
