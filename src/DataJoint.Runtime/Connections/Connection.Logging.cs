using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataJoint;

public sealed partial class Connection
{
    /// <summary>
    /// Where DataJoint logs (populate and jobs events with stable event ids, see <c>docs/architecture.md</c>). Silent
    /// by default; set it to your application's factory.
    /// </summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;
}
