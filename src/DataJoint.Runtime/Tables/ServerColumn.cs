namespace DataJoint;

/// <summary>One column of a table as the server reports it (<see cref="BackendAdapter.ColumnsQuery"/>), before DataJoint reads its type.</summary>
/// <param name="Name">Column name.</param>
/// <param name="SqlType">The server's type spelling.</param>
/// <param name="Nullable">Whether the column accepts NULL.</param>
/// <param name="Default">The default in the server's spelling, or null.</param>
/// <param name="Comment">The column comment, <c>:type:</c> marker included.</param>
/// <param name="InKey">Part of the primary key.</param>
internal sealed record ServerColumn(string Name, string SqlType, bool Nullable, string? Default, string Comment, bool InKey);
