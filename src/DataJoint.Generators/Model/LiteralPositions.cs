using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DataJoint.Generators.Model;

/// <summary>
/// Maps offsets in a string literal's value to positions in the source text, for regular, verbatim and raw
/// (single- and multi-line) literals, so diagnostics point at the offending token inside the string.
/// </summary>
internal sealed class LiteralPositions
{
    private readonly SyntaxToken _token;
    private readonly List<int>? _map;

    private LiteralPositions(SyntaxToken token, List<int>? map)
    {
        _token = token;
        _map = map;
    }

    public static LiteralPositions For(SyntaxToken token) => new(token, Build(token));

    public Location Locate(int start, int length)
    {
        var tree = _token.SyntaxTree!;
        if (_map is null || start < 0 || start + length >= _map.Count) return _token.GetLocation();
        var from = _map[start];
        var to = length == 0 ? from : _map[start + length - 1] + 1;
        return Location.Create(tree, TextSpan.FromBounds(from, to));
    }

    private static List<int>? Build(SyntaxToken token)
    {
        var text = token.Text;
        var origin = token.SpanStart;
        var value = token.ValueText;
        var map = new List<int>(value.Length + 1);
        switch (token.Kind())
        {
            case SyntaxKind.MultiLineRawStringLiteralToken:
                {
                    var quotes = CountQuotes(text, 0);
                    var lastBreak = text.LastIndexOf('\n');
                    var indent = text.Length - quotes - (lastBreak + 1);
                    var position = text.IndexOf('\n') + 1;
                    while (position <= lastBreak)
                    {
                        var lineEnd = text.IndexOf('\n', position);
                        var contentStart = position;
                        for (var skipped = 0; skipped < indent && contentStart < lineEnd && text[contentStart] != '\r'; skipped++) contentStart++;
                        for (var i = contentStart; i < lineEnd; i++) map.Add(origin + i);
                        if (lineEnd < lastBreak)
                        {
                            map.Add(origin + lineEnd);
                        }
                        else if (map.Count > 0 && text[lineEnd - 1] == '\r')
                        {
                            // The line break before the closing quotes is not part of the value.
                            map.RemoveAt(map.Count - 1);
                        }

                        position = lineEnd + 1;
                    }

                    break;
                }

            case SyntaxKind.SingleLineRawStringLiteralToken:
                {
                    var quotes = CountQuotes(text, 0);
                    for (var i = quotes; i < text.Length - quotes; i++) map.Add(origin + i);
                    break;
                }

            case SyntaxKind.StringLiteralToken when text.StartsWith("@", System.StringComparison.Ordinal):
                for (var i = 2; i < text.Length - 1; i++)
                {
                    map.Add(origin + i);
                    if (text[i] == '"') i++;
                }

                break;

            case SyntaxKind.StringLiteralToken:
                for (var i = 1; i < text.Length - 1; i++)
                {
                    map.Add(origin + i);
                    if (text[i] != '\\') continue;
                    var next = text[i + 1];
                    i += next switch
                    {
                        'u' => 5,
                        'U' => 9,
                        'x' => CountHex(text, i + 2),
                        _ => 1,
                    };
                }

                break;

            default:
                return null;
        }

        if (map.Count != value.Length) return null;
        map.Add(map.Count == 0 ? origin : map[map.Count - 1] + 1);
        return map;
    }

    private static int CountQuotes(string text, int from)
    {
        var n = 0;
        while (from + n < text.Length && text[from + n] == '"') n++;
        return n;
    }

    private static int CountHex(string text, int from)
    {
        var n = 0;
        while (n < 4 && from + n < text.Length && System.Uri.IsHexDigit(text[from + n])) n++;
        return n;
    }
}
