namespace DataJoint;

/// <summary>
/// A column default as the server stores it, read out of the server's spelling (MariaDB's <c>'mouse'</c>, PostgreSQL's
/// <c>'mouse'::character varying</c>): a literal value, or the clock (<c>CURRENT_TIMESTAMP</c> with its precision).
/// </summary>
/// <param name="Value">The literal's text with the server's quoting undone, or the clock's SQL in DataJoint's spelling.</param>
/// <param name="IsClock">True for <c>CURRENT_TIMESTAMP</c>.</param>
internal sealed record ServerDefault(string Value, bool IsClock)
{
    /// <summary>The clock default in DataJoint's spelling: <c>CURRENT_TIMESTAMP</c> or <c>CURRENT_TIMESTAMP(3)</c>.</summary>
    public static ServerDefault Clock(string? precision) =>
        new(string.IsNullOrEmpty(precision) ? "CURRENT_TIMESTAMP" : $"CURRENT_TIMESTAMP({precision})", IsClock: true);

    /// <summary>A SQL string literal's content: the quotes removed, each doubled quote made single.</summary>
    public static string Unquote(string quoted) => quoted[1..^1].Replace("''", "'", StringComparison.Ordinal);
}
