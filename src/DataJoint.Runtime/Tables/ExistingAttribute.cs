namespace DataJoint;

/// <summary>An attribute of an existing table.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Type">DataJoint type: the marker's core or codec type, else the native type in DataJoint's spelling.</param>
/// <param name="InKey">Part of the primary key.</param>
/// <param name="Nullable">Accepts NULL.</param>
/// <param name="Default">The default as a definition writes it (<c>null</c>, <c>"mouse"</c>, <c>3</c>, <c>CURRENT_TIMESTAMP</c>), or null without one.</param>
/// <param name="Comment">The attribute comment, marker removed.</param>
internal sealed record ExistingAttribute(string Name, string Type, bool InKey, bool Nullable, string? Default, string Comment);
