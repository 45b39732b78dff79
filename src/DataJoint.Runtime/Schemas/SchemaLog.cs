using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>
/// Schema log events (category <c>DataJoint.Schema</c>; ids documented in docs/observability.md): 7201 a bound table
/// differs from its class, 7202 a table declared, 7203 tables dropped, 7204 a schema dropped, 7205 a table altered.
/// </summary>
internal static partial class SchemaLog
{
    private const string Category = "DataJoint.Schema";

    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(Category);

    [LoggerMessage(EventId = 7201, EventName = "TableDiffers", Level = LogLevel.Warning,
        Message = "Table {Table} differs from the definition of {ClassName} and was bound anyway (Validation.Warn): {Difference}")]
    public static partial void TableDiffers(ILogger logger, string table, string className, string difference);

    [LoggerMessage(EventId = 7202, EventName = "TableDeclared", Level = LogLevel.Information, Message = "Declared table {Table} ({ClassName})")]
    public static partial void TableDeclared(ILogger logger, string table, string className);

    [LoggerMessage(EventId = 7203, EventName = "TablesDropped", Level = LogLevel.Information, Message = "Dropped {Tables}")]
    public static partial void TablesDropped(ILogger logger, string tables);

    [LoggerMessage(EventId = 7204, EventName = "SchemaDropped", Level = LogLevel.Information, Message = "Dropped schema {Schema} on the {Server}")]
    public static partial void SchemaDropped(ILogger logger, string schema, string server);

    [LoggerMessage(EventId = 7205, EventName = "TableAltered", Level = LogLevel.Information, Message = "Altered table {Table} to match {ClassName}: {Statements}")]
    public static partial void TableAltered(ILogger logger, string table, string className, string statements);
}
