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
    public bool IsNullable => Default is { } d && d.Equals("null", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>-> [options] Reference[.proj(new='old', ...)]</c>.</summary>
internal sealed record ForeignKeyItem(
    bool InKey,
    TextRange Range,
    string Reference,
    TextRange ReferenceRange,
    bool Nullable,
    bool Unique,
    IReadOnlyList<KeyValuePair<string, string>> Renames) : DefinitionItem(InKey, Range);

/// <summary><c>[unique] index(a, b, ...)</c>.</summary>
internal sealed record IndexItem(bool InKey, TextRange Range, bool Unique, IReadOnlyList<string> Columns) : DefinitionItem(InKey, Range);

/// <summary>A syntax error found by the parser.</summary>
internal sealed record DefinitionError(string Id, string Message, TextRange Range);

/// <summary>The parsed definition: table comment, items in order and syntax errors.</summary>
internal sealed record ParsedDefinition(string Comment, IReadOnlyList<DefinitionItem> Items, IReadOnlyList<DefinitionError> Errors);
