using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DataJoint.Definition;

/// <summary>
/// Parses DataJoint's definition language (docs/semantics.md#definition-language) into items with the text position of every token.
/// Pure: no Roslyn types, no I/O. Problems are collected, never thrown, so one bad line does not hide the others;
/// the attribute rules of <see cref="AttributeRules"/> run on every attribute line.
/// </summary>
internal static class DefinitionParser
{
    /// <summary>The prefix of a fully qualified foreign-key reference (<c>-&gt; global::Lab.Subject</c>).</summary>
    public const string GlobalAlias = "global::";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex IndexStart = new(@"^(?<unique>unique\s+)?index\s*\(", Options);
    private static readonly Regex Identifier = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex JsonPath = new(@"^(?<attr>[a-z][a-z0-9_]*)(\.[A-Za-z0-9_]+|\[\d+\])+(:[A-Za-z0-9_() ,]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The attribute-name rule: lowercase letter first, then lowercase letters, digits and <c>_</c>.</summary>
    public static readonly Regex AttributeName = new(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

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
                        errors.Add(new DefinitionError(DiagnosticIds.ReservedComment,
                            $"The table comment '{comment}' starts with ':', which is reserved for type markers; remove the ':' or start the comment with another word",
                            range));
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
                if (arrow > 0)
                {
                    errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                        $"'{line.Substring(0, arrow).Trim()}' before '->' is not allowed: a foreign key line starts with '->', e.g. '-> Parent'",
                        new TextRange(start, arrow)));
                    continue;
                }

                ParseForeignKey(line, start, inKey, items, errors);
                continue;
            }

            var index = IndexStart.Match(line);
            if (index.Success)
            {
                ParseIndex(line, start, index, inKey, items, errors);
                continue;
            }

            ParseAttribute(line, start, inKey, items, errors);
        }

        return new ParsedDefinition(comment, items, errors);
    }

    /// <summary>Lines (split on <c>\n</c>, trimmed) with the offset of their first non-blank character.</summary>
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
        var openQuote = UnterminatedQuote(line, 0);
        var colon = IndexOutsideQuotes(line, ':', 0);
        if (colon < 0 || (openQuote >= 0 && openQuote < colon))
        {
            if (openQuote >= 0)
            {
                errors.Add(new DefinitionError(DiagnosticIds.UnterminatedQuote,
                    $"The quote {line[openQuote]} opened here is never closed; close it with a matching {line[openQuote]}",
                    new TextRange(start + openQuote, 1)));
                return;
            }

            errors.Add(new DefinitionError(DiagnosticIds.MissingColon,
                $"'{line}' is not an attribute, foreign key or index: write an attribute as 'name : type', a foreign key as '-> Parent', an index as 'index(a, b)'",
                range));
            return;
        }

        var head = line.Substring(0, colon);
        var equals = IndexOutsideQuotes(head, '=', 0);
        var rawName = equals >= 0 ? head.Substring(0, equals) : head;
        var name = rawName.Trim();
        var nameRange = new TextRange(start + (rawName.Length - rawName.TrimStart().Length), name.Length);
        string? defaultValue = null;
        var defaultRange = default(TextRange);
        if (equals >= 0)
        {
            var rawDefault = head.Substring(equals + 1);
            defaultValue = rawDefault.Trim();
            defaultRange = new TextRange(start + equals + 1 + (rawDefault.Length - rawDefault.TrimStart().Length), defaultValue.Length);
            if (defaultValue.Length == 0)
            {
                errors.Add(new DefinitionError(DiagnosticIds.EmptyDefault,
                    $"Attribute '{name}' has '=' but no default value: write a value ('{name} = 0 : int32'), '= null' for a nullable attribute, or remove the '='",
                    new TextRange(start + equals, 1)));
                return;
            }
        }

        if (!AttributeName.IsMatch(name))
        {
            errors.Add(new DefinitionError(DiagnosticIds.BadAttributeName, BadNameMessage(name), name.Length == 0 ? new TextRange(start + colon, 1) : nameRange));
            return;
        }

        var rest = line.Substring(colon + 1);
        var typeStart = colon + 1 + (rest.Length - rest.TrimStart().Length);
        int typeEnd;
        if (typeStart < line.Length && line[typeStart] == '<')
        {
            var close = line.IndexOf('>', typeStart);
            typeEnd = close < 0 ? line.Length : close + 1;
            var hashAfter = IndexOutsideQuotes(line, '#', typeEnd);
            var between = line.Substring(typeEnd, (hashAfter < 0 ? line.Length : hashAfter) - typeEnd);
            if (close < 0 || between.Trim().Length > 0) typeEnd = hashAfter < 0 ? line.Length : hashAfter;
        }
        else
        {
            var hash = IndexOutsideQuotes(line, '#', typeStart);
            typeEnd = hash < 0 ? line.Length : hash;
        }

        var type = line.Substring(typeStart, typeEnd - typeStart).Trim();
        var typeRange = new TextRange(start + typeStart, type.Length);
        var commentHash = IndexOutsideQuotes(line, '#', typeEnd);
        var comment = commentHash < 0 ? "" : line.Substring(commentHash + 1).Trim();
        if (type.Length == 0)
        {
            errors.Add(new DefinitionError(DiagnosticIds.MissingType,
                $"Attribute '{name}' has no type after ':'; write e.g. '{name} : int32' or '{name} : varchar(64)'", new TextRange(start + colon, 1)));
            return;
        }

        if (comment.StartsWith(":", StringComparison.Ordinal))
        {
            errors.Add(new DefinitionError(DiagnosticIds.ReservedComment,
                $"The comment of '{name}' starts with ':', which is reserved for type markers; remove the ':'",
                new TextRange(start + commentHash, line.Length - commentHash)));
        }

        var item = new AttributeItem(inKey, range, name, nameRange, defaultValue, defaultRange, type, typeRange, comment);
        errors.AddRange(AttributeRules.Check(item));
        items.Add(item);
    }

    private static string BadNameMessage(string name)
    {
        if (name.Length == 0) return "The attribute name is missing before ':'; write 'name : type'";
        if (name.StartsWith("_", StringComparison.Ordinal))
        {
            return $"Attribute name '{name}' starts with '_', which is reserved for hidden platform attributes; use '{name.TrimStart('_')}'";
        }

        var suggestion = Naming.PascalToSnake(name).Replace(' ', '_').Replace('-', '_');
        return AttributeName.IsMatch(suggestion)
            ? $"Attribute name '{name}' is invalid: attribute names are lowercase snake_case; use '{suggestion}'"
            : $"Attribute name '{name}' is invalid: use lowercase letters, digits and '_', starting with a letter";
    }

    private static void ParseForeignKey(string line, int start, bool inKey, List<DefinitionItem> items, List<DefinitionError> errors)
    {
        var range = new TextRange(start, line.Length);
        var position = 2;
        var hash = IndexOutsideQuotes(line, '#', position);
        var end = hash < 0 ? line.Length : hash;
        while (position < end && char.IsWhiteSpace(line[position])) position++;
        while (end > position && char.IsWhiteSpace(line[end - 1])) end--;
        var nullable = false;
        var unique = false;
        if (position < end && line[position] == '[')
        {
            var close = line.IndexOf(']', position);
            if (close < 0 || close >= end)
            {
                errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                    "The foreign-key options are missing their closing ']': write '-> [nullable] Parent'", new TextRange(start + position, 1)));
                return;
            }

            var optionStart = position + 1;
            foreach (var raw in line.Substring(optionStart, close - optionStart).Split(','))
            {
                var option = raw.Trim();
                var optionRange = new TextRange(start + optionStart + (raw.Length - raw.TrimStart().Length), option.Length);
                optionStart += raw.Length + 1;
                if (option.Equals("nullable", StringComparison.OrdinalIgnoreCase))
                {
                    nullable = true;
                }
                else if (option.Equals("unique", StringComparison.OrdinalIgnoreCase))
                {
                    unique = true;
                }
                else
                {
                    var hint = Spelling.Closest(option.ToLowerInvariant(), ["nullable", "unique"]) is { } close2 ? $" (did you mean '{close2}'?)" : "";
                    errors.Add(new DefinitionError(DiagnosticIds.BadForeignKeyOption,
                        option.Length == 0
                            ? "An empty foreign key option: the options are 'nullable' and 'unique', separated by commas"
                            : $"Invalid foreign key option '{option}'{hint}: the options are 'nullable' and 'unique'",
                        option.Length == 0 ? new TextRange(start + position, close - position + 1) : optionRange));
                    return;
                }
            }

            position = close + 1;
            while (position < end && char.IsWhiteSpace(line[position])) position++;
        }

        var body = line.Substring(position, end - position);
        var renames = new List<ForeignKeyRename>();
        var reference = body;
        var proj = body.IndexOf(".proj(", StringComparison.Ordinal);
        if (proj >= 0)
        {
            reference = body.Substring(0, proj);
            var argsStart = position + proj + ".proj(".Length;
            var closing = MatchingParenthesis(line, argsStart - 1);
            if (closing < 0 || closing + 1 != end)
            {
                errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                    closing < 0
                        ? "'.proj(' is missing its closing ')': write '-> Parent.proj(new_name='old_name')'"
                        : $"'{line.Substring(closing + 1, end - closing - 1).Trim()}' after '.proj(...)' is not allowed: the projection must end the line",
                    closing < 0 ? new TextRange(start + position + proj, ".proj(".Length) : new TextRange(start + closing + 1, end - closing - 1)));
                return;
            }

            var argumentOffset = argsStart;
            foreach (var rawArgument in SplitTopLevelRaw(line.Substring(argsStart, closing - argsStart)))
            {
                var argument = rawArgument.Trim();
                var argumentRange = new TextRange(start + argumentOffset + (rawArgument.Length - rawArgument.TrimStart().Length), argument.Length);
                argumentOffset += rawArgument.Length + 1;
                if (argument.Length == 0 && renames.Count == 0 && closing == argsStart) break;
                var parts = argument.Split(['='], 2);
                var newName = parts[0].Trim();
                var oldName = parts.Length == 2 ? Unquote(parts[1].Trim()) : null;
                if (oldName is null || !AttributeName.IsMatch(newName) || !AttributeName.IsMatch(oldName))
                {
                    errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                        $"'{argument}' in .proj(...) must rename one attribute of the parent's primary key: new_name='old_name'",
                        argument.Length == 0 ? new TextRange(start + argsStart - 1, closing - argsStart + 2) : argumentRange));
                    return;
                }

                renames.Add(new ForeignKeyRename(newName, oldName, argumentRange));
            }
        }

        var referenceRange = new TextRange(start + position, reference.Length);
        // 'global::Ns.Parent' is C#'s fully qualified spelling: the name after it must be a table's full name.
        var qualified = reference.StartsWith(GlobalAlias, StringComparison.Ordinal) ? reference.Substring(GlobalAlias.Length) : reference;
        if (qualified.Length == 0 || Array.Exists(qualified.Split('.'), p => !Identifier.IsMatch(p)))
        {
            errors.Add(new DefinitionError(DiagnosticIds.BadForeignKey,
                reference.Length == 0
                    ? "The foreign key names no table: write '-> Parent', '-> Namespace.Parent', '-> master' or '-> Parent.proj(new_name='old_name')'"
                    : $"'{reference}' is not a table reference: write '-> Parent', '-> Namespace.Parent', '-> master' or '-> Parent.proj(new_name='old_name')'",
                reference.Length == 0 ? range : referenceRange));
            return;
        }

        if (nullable && inKey)
        {
            errors.Add(new DefinitionError(DiagnosticIds.NullablePrimaryDependency,
                $"Primary dependencies cannot be nullable: '-> [nullable] {reference}' is above '---'; move the line below '---' or drop 'nullable'",
                referenceRange));
            return;
        }

        items.Add(new ForeignKeyItem(inKey, range, reference, referenceRange, nullable, unique, renames));
    }

    private static void ParseIndex(string line, int start, Match match, bool inKey, List<DefinitionItem> items, List<DefinitionError> errors)
    {
        var range = new TextRange(start, line.Length);
        var open = match.Length - 1;
        var close = MatchingParenthesis(line, open);
        if (close < 0)
        {
            errors.Add(new DefinitionError(DiagnosticIds.BadIndex,
                "The index is missing its closing ')': write 'index(a, b)' or 'unique index(a)'", new TextRange(start + open, 1)));
            return;
        }

        var trailing = line.Substring(close + 1).Trim();
        if (trailing.Length > 0 && trailing[0] != '#')
        {
            errors.Add(new DefinitionError(DiagnosticIds.BadIndex,
                $"'{trailing}' after the index is not allowed: only a '# comment' may follow 'index(...)'",
                new TextRange(start + line.IndexOf(trailing, close + 1, StringComparison.Ordinal), trailing.Length)));
            return;
        }

        var columns = new List<IndexColumn>();
        var offset = open + 1;
        var inside = line.Substring(open + 1, close - open - 1);
        if (inside.Trim().Length == 0)
        {
            errors.Add(new DefinitionError(DiagnosticIds.BadIndex,
                "The index lists no attributes: write 'index(a, b)'", new TextRange(start + open, close - open + 1)));
            return;
        }

        foreach (var raw in SplitTopLevelRaw(inside))
        {
            var text = raw.Trim();
            var columnRange = new TextRange(start + offset + (raw.Length - raw.TrimStart().Length), text.Length);
            offset += raw.Length + 1;
            if (text.Length == 0)
            {
                errors.Add(new DefinitionError(DiagnosticIds.BadIndex,
                    "An empty item in the index: list attribute names separated by single commas", new TextRange(start + open, close - open + 1)));
                return;
            }

            if (AttributeName.IsMatch(text))
            {
                columns.Add(new IndexColumn(text, text, columnRange));
            }
            else if (text[0] == '(' && MatchingParenthesis(text, 0) == text.Length - 1)
            {
                columns.Add(new IndexColumn(text, null, columnRange));
            }
            else if (JsonPath.Match(text) is { Success: true } json)
            {
                columns.Add(new IndexColumn(text, json.Groups["attr"].Value, columnRange));
            }
            else
            {
                errors.Add(new DefinitionError(DiagnosticIds.BadIndex,
                    $"'{text}' is not an index item: use an attribute name, a JSON path 'attr.path[:type]' or a parenthesised expression '(expr)'",
                    columnRange));
                return;
            }
        }

        items.Add(new IndexItem(inKey, range, match.Groups["unique"].Success, columns));
    }

    private static string? Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2)
            : null;

    /// <summary>Index of <paramref name="c"/> outside single- or double-quoted text, from <paramref name="from"/>.</summary>
    private static int IndexOutsideQuotes(string text, char c, int from)
    {
        var quote = '\0';
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

    /// <summary>The position of a quote before any '#' comment that is never closed; -1 when every quote closes.</summary>
    private static int UnterminatedQuote(string text, int from)
    {
        var quote = '\0';
        var opened = -1;
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
                opened = i;
            }
            else if (ch == '#')
            {
                return -1;
            }
        }

        return quote == '\0' ? -1 : opened;
    }

    /// <summary>
    /// Walks <paramref name="text"/> from <paramref name="start"/>, skipping quoted runs and tracking parenthesis depth;
    /// returns the first index where <paramref name="stop"/> (index, character, depth after it) is true, or -1.
    /// </summary>
    private static int WalkTopLevel(string text, int start, System.Func<int, char, int, bool> stop)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                continue;
            }

            if (ch is '\'' or '"')
            {
                quote = ch;
                continue;
            }

            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            if (stop(i, ch, depth)) return i;
        }

        return -1;
    }

    /// <summary>The ')' matching the '(' at <paramref name="open"/>, respecting nesting and quotes; -1 when missing.</summary>
    private static int MatchingParenthesis(string text, int open) => WalkTopLevel(text, open, (_, ch, depth) => ch == ')' && depth == 0);

    /// <summary>Splits on commas outside parentheses and quotes; items keep their surrounding blanks.</summary>
    private static List<string> SplitTopLevelRaw(string text)
    {
        var items = new List<string>();
        var begin = 0;
        WalkTopLevel(text, 0, (i, ch, depth) =>
        {
            if (ch != ',' || depth != 0) return false;
            items.Add(text.Substring(begin, i - begin));
            begin = i + 1;
            return false;
        });
        items.Add(text.Substring(begin));
        return items;
    }
}
