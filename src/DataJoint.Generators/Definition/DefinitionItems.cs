using System.Collections.Generic;

namespace DataJoint.Definition;

/// <summary>A region of the definition text (offsets into the string's value).</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>One meaningful line of a definition.</summary>
internal abstract record DefinitionItem(bool InKey, TextRange Range);

/// <summary><c>name [= default] : type [# comment]</c>.</summary>
internal sealed record AttributeItem(
    bool InKey,
    TextRange Range,
    string Name,
    TextRange NameRange,
    string? Default,
    TextRange DefaultRange,
    string Type,
    TextRange TypeRange,
    string Comment) : DefinitionItem(InKey, Range)
{
    /// <summary><c>= null</c> (any case): the only way to make an attribute nullable.</summary>
    public bool IsNullable => Default is { } d && d.Equals("null", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>One <c>new_name='old_name'</c> argument of <c>.proj(...)</c> in a foreign key.</summary>
internal sealed record ForeignKeyRename(string NewName, string OldName, TextRange Range);

/// <summary><c>-> [options] Reference[.proj(new='old', ...)]</c>.</summary>
internal sealed record ForeignKeyItem(
    bool InKey,
    TextRange Range,
    string Reference,
    TextRange ReferenceRange,
    bool Nullable,
    bool Unique,
    IReadOnlyList<ForeignKeyRename> Renames) : DefinitionItem(InKey, Range);

/// <summary>
/// One item of an index: an attribute name, a JSON path (<c>attr.path[:type]</c>, <see cref="Attribute"/> is
/// <c>attr</c>) or a parenthesised SQL expression (<see cref="Attribute"/> is null).
/// </summary>
internal sealed record IndexColumn(string Text, string? Attribute, TextRange Range);

/// <summary><c>[unique] index(a, b, ...)</c>.</summary>
internal sealed record IndexItem(bool InKey, TextRange Range, bool Unique, IReadOnlyList<IndexColumn> Columns) : DefinitionItem(InKey, Range);

/// <summary>A problem found in the definition text; <see cref="Range"/> covers the offending token.</summary>
internal sealed record DefinitionError(string Id, string Message, TextRange Range);

/// <summary>The parsed definition: table comment, items in order and the problems found.</summary>
internal sealed record ParsedDefinition(string Comment, IReadOnlyList<DefinitionItem> Items, IReadOnlyList<DefinitionError> Errors);
