using Microsoft.Extensions.Logging;

namespace DataJoint.Tests.Infrastructure;

/// <summary>Records every log event (id, level, formatted message) so tests can prove which code path ran.</summary>
public sealed class LogCapture : ILoggerFactory
{
    private readonly List<(int Id, LogLevel Level, string Message)> _events = [];

    public IReadOnlyList<(int Id, LogLevel Level, string Message)> Events
    {
        get
        {
            lock (_events) return _events.ToList();
        }
    }

    /// <summary>The messages of the events with this id.</summary>
    public IReadOnlyList<string> Messages(int id) => Events.Where(e => e.Id == id).Select(e => e.Message).ToList();

    public void Clear()
    {
        lock (_events) _events.Clear();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (capture._events) capture._events.Add((eventId.Id, logLevel, formatter(state, exception)));
        }
    }
}
