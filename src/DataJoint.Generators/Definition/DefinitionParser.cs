using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DataJoint.Definition;

/// <summary>
/// Parses DataJoint's definition language (feature map §1) into items with text positions. Pure: no Roslyn
/// types, no I/O. Errors are collected, never thrown, so one bad line does not hide the others.
/// </summary>
internal static class DefinitionParser
{
    private static readonly Regex IndexLine = new(@"^(?<unique>unique\s+)?index\s*\((?<cols>.*)\)\s*(#.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex Identifier = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex AttributeName = new(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    public static ParsedDefinition Parse(string text)
    {
        var items = new List<DefinitionItem>();
        var errors = new List<DefinitionError>();
        var comment = "";
        var inKey = true;
        var first = true;
        foreach (var (line, start) in Lines(text))
        {
            if (line.Length == 0) continue;
            var range = new TextRange(start, line.Length);
            if (first)
            {
                first = false;
                if (line[0] == '#')
                {
                    comment = line.Substring(1).Trim();
                    if (comment.StartsWith(":", StringComparison.Ordinal))
                    {
                        errors.Add(new DefinitionError(DiagnosticIds.ReservedComment, "A table comment cannot start with ':' (reserved for type markers)", range));
                    }

                    continue;
                }
            }

            if (line[0] == '#') continue;
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                inKey = false;
                continue;
            }

            var arrow = line.IndexOf("->", StringComparison.Ordinal);
            if (arrow >= 0 && line.Substring(0, arrow).IndexOfAny(['"', '\'', '#']) < 0)
            {
                ParseForeignKey(line, start, arrow, inKey, items, errors);
                continue;
            }

            var index = IndexLine.Match(line);
            if (index.Success)
            {
                var columns = SplitTopLevel(index.Groups["cols"].Value);
                if (columns.Count == 0 || columns.Exists(c => c.Length == 0))
                {
                    errors.Add(new DefinitionError(DiagnosticIds.BadIndex, $"Index '{line}' must list one or more attributes separated by commas", range));
                    continue;
                }

                items.Add(new IndexItem(inKey, range, index.Groups["unique"].Success, columns));
                continue;
            }

            ParseAttribute(line, start, inKey, items, errors);
        }

        return new ParsedDefinition(comment, items, errors);
    }

    /// <summary>Lines with the offset of their first non-blank character, trimmed.</summary>
    private static IEnumerable<(string Line, int Start)> Lines(string text)
    {
        var position = 0;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0) end = text.Length;
            var raw = text.Substring(position, end - position);
            var leading = raw.Length - raw.TrimStart().Length;
            yield return (raw.Trim(), position + leading);
            position = end + 1;
        }
    }

    private static void ParseAttribute(string line, int start, bool inKey, List<DefinitionItem> items, List<DefinitionError> errors)
    {
        var range = new TextRange(start, line.Length);
        var colon = IndexOutsideQuotes(line, ':', 0);
        if (colon < 0)
        {
            errors.Add(new DefinitionError(DiagnosticIds.MissingColon,
                $"Declaration error in '{line}': an attribute is written 'name : type', a foreign key '-> Parent'", range));
            return;
        }

        var head = line.Substring(0, colon);
        var equals = IndexOutsideQuotes(head, '=', 0);
        var name = (equals >= 0 ? head.Substring(0, equals) : head).Trim();
        var nameRange = new TextRange(start + (head.Length - head.TrimStart().Length), name.Length);
        string? defaultValue = null;
        var defaultRange = default(TextRange);
        if (equals >= 0)
        {
            var rawDefault = head.Substring(equals + 1);
            defaultValue = rawDefault.Trim();
            defaultRange = new TextRange(start + equals + 1 + (rawDefault.Length - rawDefault.TrimStart().Length), defaultValue.Length);
            if (defaultValue.Length == 0)
            {
                errors.Add(new DefinitionError(DiagnosticIds.EmptyDefault, $"Attribute '{name}' has '=' but no default value", range));
                return;
            }
        }

        if (!AttributeName.IsMatch(name))
        {
            var message = name.StartsWith("_", StringComparison.Ordinal)
                ? $"Attribute name '{name}' cannot start with '_': those names are reserved for hidden platform attributes"
                : name.Length == 0
                    ? "The attribute name is missing before ':'"
                    : $"Attribute name '{name}' is invalid: use lowercase letters, digits and '_', starting with a letter";
            errors.Add(new DefinitionError(DiagnosticIds.BadAttributeName, message, name.Length == 0 ? range : nameRange));
            return;
        }

        var rest = line.Substring(colon + 1);
        var typeStart = colon + 1 + (rest.Length - rest.TrimStart().Length);
        var hash = IndexOutsideQuotes(line, '#', typeStart);
        var typeEnd = hash < 0 ? line.Length : hash;
        var type = line.Substring(typeStart, typeEnd - typeStart).Trim();
        var typeRange = new TextRange(start + typeStart, type.Length);
        var comment = hash < 0 ? "" : line.Substring(hash + 1).Trim();
        if (type.Length == 0)
        {
            errors.Add(new DefinitionError(DiagnosticIds.MissingType, $"Attribute '{name}' has no type after ':'", range));
            return;
        }

        if (comment.StartsWith(":", StringComparison.Ordinal))
        {
            errors.Add(new DefinitionError(DiagnosticIds.ReservedComment, $"The comment of '{name}' cannot start with ':' (reserved for type markers)", range));
        }

        items.Add(new AttributeItem(inKey, range, name, nameRange, defaultValue, defaultRange, type, typeRange, comment));
    }

    private static void ParseForeignKey(string line, int start, int arrow, bool inKey, List<DefinitionItem> items, List<DefinitionError> errors)
    {
        var range = new TextRange(start, line.Length);
        var position = arrow + 2;
        var hash = IndexOutsideQuotes(line, '#', position);
        var body = hash < 0 ? line.Substring(position) : line.Substring(position, hash - position);
        var offset = position;
        var trimmed = body.TrimStart();
        offset += body.Length - trimmed.Length;
        body = trimmed.TrimEnd();
        var nullable = false;
        var unique = false;
        if (body.StartsWith("[", StringComparison.Ordinal))
        {
            var close = body.IndexOf(']');
            if (close < 0)
            {
                errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey, "The foreign-key options are missing their closing ']'", range));
                return;
            }

            foreach (var raw in body.Substring(1, close - 1).Split(','))
            {
                var option = raw.Trim();
                if (option.Equals("nullable", StringComparison.OrdinalIgnoreCase)) nullable = true;
                else if (option.Equals("unique", StringComparison.OrdinalIgnoreCase)) unique = true;
                else
                {
                    errors.Add(new DefinitionError(DiagnosticIds.BadForeignKeyOption,
                        $"Invalid foreign key option '{option}': the options are 'nullable' and 'unique'", range));
                    return;
                }
            }

            var after = body.Substring(close + 1);
            offset += close + 1 + (after.Length - after.TrimStart().Length);
            body = after.Trim();
        }

        var renames = new List<KeyValuePair<string, string>>();
        var reference = body;
        var proj = body.IndexOf(".proj(", StringComparison.Ordinal);
        if (proj >= 0)
        {
            reference = body.Substring(0, proj);
            if (!body.EndsWith(")", StringComparison.Ordinal))
            {
                errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey, $"'{body}': .proj( is missing its closing ')'", range));
                return;
            }

            foreach (var argument in SplitTopLevel(body.Substring(proj + 6, body.Length - proj - 7)))
            {
                var parts = argument.Split(['='], 2);
                var newName = parts[0].Trim();
                var oldName = parts.Length == 2 ? Unquote(parts[1].Trim()) : null;
                if (oldName is null || !AttributeName.IsMatch(newName) || !AttributeName.IsMatch(oldName))
                {
                    errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                        $"'{argument}' in .proj(...) must rename an attribute: new_name='old_name'", range));
                    return;
                }

                renames.Add(new KeyValuePair<string, string>(newName, oldName));
            }
        }

        if (reference.Length == 0 || Array.Exists(reference.Split('.'), p => !Identifier.IsMatch(p)))
        {
            errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                $"'{body}' is not a table reference: write '-> Parent', '-> Namespace.Parent' or '-> Parent.proj(new_name='old_name')'",
                reference.Length == 0 ? range : new TextRange(start + offset, reference.Length)));
            return;
        }

        if (nullable && inKey)
        {
            errors.Add(new DefinitionError(DiagnosticIds.NullablePrimaryDependency,
                "Primary dependencies cannot be nullable: move the foreign key below '---' or drop [nullable]", range));
            return;
        }

        items.Add(new ForeignKeyItem(inKey, range, reference, new TextRange(start + offset, reference.Length), nullable, unique, renames));
    }

    private static string? Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2)
            : null;

    /// <summary>Index of <paramref name="c"/> outside single- or double-quoted text, from <paramref name="from"/>.</summary>
    private static int IndexOutsideQuotes(string text, char c, int from)
    {
        char quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
            }
            else if (ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == c)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Splits on commas that are not inside parentheses or quotes; items trimmed.</summary>
    public static List<string> SplitTopLevel(string text)
    {
        var items = new List<string>();
        if (text.Trim().Length == 0) return items;
        var depth = 0;
        var quote = '\0';
        var begin = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                continue;
            }

            switch (ch)
            {
                case '\'' or '"':
                    quote = ch;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    items.Add(text.Substring(begin, i - begin).Trim());
                    begin = i + 1;
                    break;
            }
        }

        items.Add(text.Substring(begin).Trim());
        return items;
    }
}
