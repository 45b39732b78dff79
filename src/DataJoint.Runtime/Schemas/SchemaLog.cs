using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>Schema log events (category <c>DataJoint.Schema</c>; ids documented in docs/architecture.md): 7201 a bound table differs from its class.</summary>
internal static partial class SchemaLog
{
    private const string Category = "DataJoint.Schema";

    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(Category);

    [LoggerMessage(EventId = 7201, EventName = "TableDiffers", Level = LogLevel.Warning,
        Message = "Table {Table} differs from the definition of {ClassName} and was bound anyway (Validation.Warn): {Difference}")]
    public static partial void TableDiffers(ILogger logger, string table, string className, string difference);
}
