using System.Globalization;
using System.Text;

namespace DataJoint.Tests.University;

/// <summary>Loads shared/data/university/*.csv into a schema through the untyped insert path (dictionaries of strings).</summary>
public static class UniversityData
{
    /// <summary>The folder with the CSV files: DJ_UNIVERSITY_DATA, else ../shared/data/university above the repository.</summary>
    public static string Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DJ_UNIVERSITY_DATA") is { Length: > 0 } configured) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "university");
                if (Directory.Exists(candidate)) return candidate;
            }

            throw new DirectoryNotFoundException("shared/data/university was not found above the test directory; set DJ_UNIVERSITY_DATA.");
        }
    }

    /// <summary>Declares every university table in <paramref name="schema"/> and inserts all CSV rows.</summary>
    public static void Load(Schema schema)
    {
        Insert(schema.Table<Student>(), "Student");
        Insert(schema.Table<Department>(), "Department");
        Insert(schema.Table<StudentMajor>(), "StudentMajor");
        Insert(schema.Table<Course>(), "Course");
        Insert(schema.Table<Term>(), "Term");
        Insert(schema.Table<Section>(), "Section");
        Insert(schema.Table<CurrentTerm>(), "CurrentTerm");
        Insert(schema.Table<Enroll>(), "Enroll");
        schema.Table<LetterGrade>();
        Insert(schema.Table<Grade>(), "Grade");
    }

    /// <summary>The rows of one CSV file as dictionaries of strings.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Read(string name)
    {
        var records = ParseCsv(File.ReadAllText(Path.Combine(Folder, name + ".csv"), Encoding.UTF8));
        var header = records[0];
        return records.Skip(1).Select(r => header.Select((h, i) => (h, (object?)r[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    private static void Insert(Table table, string name) => table.Insert(Read(name).Select(ConvertTypes(table)));

    // Values are strings in the CSV; give numeric and date attributes their CLR types (the drivers bind typed values).
    private static Func<Dictionary<string, object?>, object> ConvertTypes(Table table) => row =>
    {
        foreach (var key in row.Keys.ToList())
        {
            var type = table.Heading[key].Type;
            var text = (string)row[key]!;
            row[key] = type switch
            {
                "int32" => int.Parse(text, CultureInfo.InvariantCulture),
                "int8" => sbyte.Parse(text, CultureInfo.InvariantCulture),
                "date" => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ when type.StartsWith("decimal", StringComparison.Ordinal) => decimal.Parse(text, CultureInfo.InvariantCulture),
                _ => text,
            };
        }

        return row;
    };

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }

            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields.ToArray());
                    fields.Clear();
                    break;
                default: field.Append(c); break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }

        return records;
    }
}
