using System.Globalization;
using System.Text;

namespace DataJoint.Cli;

/// <summary>The C# namespace a scaffolded schema gets unless one is given: its name in PascalCase (<c>lab_up</c> → <c>LabUp</c>).</summary>
internal static class NamespaceNames
{
    public static string FromSchema(string schemaName)
    {
        var name = new StringBuilder();
        foreach (var word in schemaName.Split(c => !char.IsAsciiLetterOrDigit(c)))
        {
            if (word.Length == 0) continue;
            name.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }

        // A schema named `2024_lab` still needs an identifier.
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) name.Insert(0, 'S');
        return name.ToString();
    }

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !separator(text[i])) continue;
            words.Add(text[start..i]);
            start = i + 1;
        }

        return [.. words];
    }
}
