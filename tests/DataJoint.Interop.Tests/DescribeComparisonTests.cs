using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// DataJoint-Python declares the pipeline and describes each table; .NET's <see cref="Table.Describe"/> of the same
/// tables gives the same text, apart from the server spellings DataJoint-Python 2.3.2 prints as it reads them
/// (docs/existing-schemas.md): PostgreSQL defaults with their casts (<c>'mouse'::character varying</c>,
/// <c>'U'::schema.enum_…</c>, <c>true</c>) and MariaDB's <c>current_timestamp()</c>. Those are undone in Python's text
/// before the comparison; everything else must match character for character.
/// </summary>
public sealed partial class DescribeComparisonTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task DescribeEqualsDataJointPythonsDescribe()
    {
        var upName = NewSchemaName("descup");
        var mainName = NewSchemaName("descmain");
        var python = await PythonAsync("describe.py", upName, mainName);
        var up = Instance.Schema(upName, createSchema: false, createTables: false);
        var main = Instance.Schema(mainName, createSchema: false, createTables: false);
        var described = python!.AsObject().ToList();
        Assert.That(described, Has.Count.EqualTo(8));
        var differences = new List<string>();
        foreach (var (tableName, pythonText) in described)
        {
            var schema = tableName == "#lab" ? up : main;
            var dotnet = await schema.GetTable(tableName).DescribeAsync();
            var expected = string.Join("", pythonText!.GetValue<string>().Split('\n').Select(l => UndoServerSpelling(l) + "\n"))[..^1];
            if (dotnet != expected) differences.Add($"{tableName}:\n--- Python\n{expected}--- .NET\n{dotnet}");
        }

        Assert.That(differences, Is.Empty, string.Join("\n", differences));
    }

    /// <summary>An attribute line of Python's describe() with the default written as a definition writes it, re-padded.</summary>
    private static string UndoServerSpelling(string line)
    {
        var match = AttributeLine().Match(line);
        if (!match.Success || !match.Groups["default"].Success) return line;
        var value = match.Groups["default"].Value;
        var cast = CastDefault().Match(value);
        value = cast.Success ? "\"" + cast.Groups["v"].Value.Replace("''", "'", StringComparison.Ordinal) + "\""
            : value == "current_timestamp()" ? "CURRENT_TIMESTAMP"
            : value == "true" ? "1" : value == "false" ? "0" : value;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0,-20} : {1,-28} {2}",
            match.Groups["name"].Value + "=" + value, match.Groups["type"].Value, match.Groups["comment"].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>\w+)=(?<default>.+?) +: (?<type>\S+(?: \S+)*?) +(?<comment># .*)?$")]
    private static partial System.Text.RegularExpressions.Regex AttributeLine();

    // "'mouse'::character varying" (quoted by Python) or 'U'::schema.enum_… (not quoted).
    [System.Text.RegularExpressions.GeneratedRegex(@"^""?'(?<v>(?:[^']|'')*)'::[^""]+""?$")]
    private static partial System.Text.RegularExpressions.Regex CastDefault();
}
