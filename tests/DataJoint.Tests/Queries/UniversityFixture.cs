using System.Globalization;
using DataJoint.Tests.Infrastructure;
using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

/// <summary>
/// Query tests share one university schema per backend, loaded once in <see cref="OneTimeSetUpAsync"/>; the
/// queries only read, so tests need no per-test schema. Expected results come from hand-written SQL run
/// through <see cref="Connection.Query"/> or from the CSV rows, never from the code under test.
/// </summary>
[TestFixture(Backend.MySql)]
[TestFixture(Backend.PostgreSql)]
[Category("Integration")]
[Parallelizable(ParallelScope.Fixtures)]
public abstract class UniversityFixture(Backend backend)
{
    protected Backend Backend { get; } = backend;

    protected Instance Instance { get; private set; } = null!;

    protected Schema Schema { get; private set; } = null!;

    protected TestServer Server { get; private set; } = null!;

    protected Student Student => Schema.Table<Student>();

    protected Department Department => Schema.Table<Department>();

    protected StudentMajor StudentMajor => Schema.Table<StudentMajor>();

    protected Course Course => Schema.Table<Course>();

    protected Term Term => Schema.Table<Term>();

    protected Section Section => Schema.Table<Section>();

    protected Enroll Enroll => Schema.Table<Enroll>();

    protected Grade Grade => Schema.Table<Grade>();

    protected LetterGrade LetterGrade => Schema.Table<LetterGrade>();

    [OneTimeSetUp]
    public async Task OneTimeSetUpAsync()
    {
        Server = await TestServer.RequireAsync(Backend);

        Instance = Server.NewInstance(configure: c => c.SafeMode = false);
        Schema = Instance.Schema($"djq_{Guid.NewGuid():N}"[..24]);
        UniversityData.Load(Schema);
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        Schema?.Drop(prompt: false);
        Instance?.Dispose();
    }

    /// <summary>The quoted full name of a university table, for hand-written SQL.</summary>
    protected string T(string table) => Backend == Backend.MySql ? $"`{Schema.Name}`.`{table}`" : $"\"{Schema.Name}\".\"{table}\"";

    /// <summary>An enum column read as text in hand-written SQL (PostgreSQL enums are named types).</summary>
    protected string Txt(string column) => Backend == Backend.MySql ? column : column + "::text";

    /// <summary>Runs hand-written SQL and formats its rows over <paramref name="columns"/>.</summary>
    protected List<string> Sql(string sql, params string[] columns) =>
        Instance.Connection.Query(sql).Select(r => Format(r, columns)).ToList();

    /// <summary>The query's rows formatted over its heading (or <paramref name="columns"/>).</summary>
    protected static List<string> Rows(QueryExpression query, params string[] columns)
    {
        var names = columns.Length > 0 ? columns : query.Heading.Names.ToArray();
        return query.ToDicts().Select(r => Format(r, names)).ToList();
    }

    protected static string Format(IReadOnlyDictionary<string, object?> row, IReadOnlyList<string> columns) =>
        string.Join("|", columns.Select(c => Value(row[c])));

    /// <summary>Normalizes driver differences (numeric widths, dates) so both sides compare by value.</summary>
    protected static string Value(object? value) => value switch
    {
        null => "NULL",
        DBNull => "NULL",
        bool b => b ? "1" : "0",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("O", CultureInfo.InvariantCulture),
        sbyte or byte or short or ushort or int or uint or long or ulong or decimal or float or double =>
            Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Same rows regardless of order.</summary>
    protected static void AssertSameSet(IEnumerable<string> actual, IEnumerable<string> expected)
    {
        var a = actual.OrderBy(x => x, StringComparer.Ordinal).ToList();
        var e = expected.OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.That(a, Is.EqualTo(e));
    }

    /// <summary>Same set of rows as the hand-written SQL, compared over the query's heading.</summary>
    protected void AssertRows(QueryExpression query, string expectedSql)
    {
        var names = query.Heading.Names.ToArray();
        AssertSameSet(Rows(query), Sql(expectedSql, names));
    }

    protected static IReadOnlyList<Dictionary<string, object?>> Csv(string name) => UniversityData.Read(name);
}
