namespace DataJoint.Generators.Model;

/// <summary>
/// A <c>[Codec("name")]</c> class: its name and the .NET type of its values (the <c>T</c> of <c>Codec&lt;T&gt;</c>, or
/// <c>object</c>), which types the <c>Row</c> properties of <c>&lt;name&gt;</c> attributes. Equatable, no symbols.
/// </summary>
internal sealed record CodecModel(string Name, string ClrType, bool IsReferenceType);
