using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Queries;

[Definition("""
    # a specimen whose label comes from user input
    specimen_id : int32
    ---
    label : varchar(12000)
    weight : float64
    day : date
    moment : datetime(3)
    token : uuid
    flag : bool
    note = null : varchar(40)
    """)]
public partial class Specimen : Manual;

[Definition("""
    # a table that hostile input names, to show it survives
    bystander_id : int32
    """)]
public partial class Bystander : Manual;

/// <summary>
/// Interpolated restrictions (<c>t &amp; $"label = {value}"</c>) bind every hole as a parameter; plain strings stay
/// DataJoint's raw SQL restrictions.
/// </summary>
public sealed class InterpolatedRestrictionTests(Backend backend) : BackendTest(backend)
{
    private const string Nul = "nul\0inside";

    private static readonly string[] Hostile =
    [
        "O'Brien",
        "''",
        "back\\slash",
        "trailing backslash\\",
        "\\'; DELETE FROM specimen; --",
        "'; DROP TABLE bystander; --",
        "' OR '1'='1",
        "\" OR \"\"=\"",
        "`label`",
        "$1 @p0 ? :name",
        "%_ wildcards",
        "line\nbreak\ttab\rreturn",
        Nul,
        "emoji 🧪 and 𝄞 clef",
        new string('x', 10_000) + "' OR 1=1 -- " + new string('y', 1_000),
    ];

    private static readonly Guid Token = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

    private static readonly DateTime Moment = new(2024, 2, 29, 13, 45, 30, 250);

    /// <summary>PostgreSQL text cannot hold NUL (the server refuses 0x00 in UTF-8), so that value exists on MySQL/MariaDB only.</summary>
    private IEnumerable<string> Storable => Backend == Backend.PostgreSql ? Hostile.Where(v => v != Nul) : Hostile;

    private Specimen Fill()
    {
        var bystander = Schema.Table<Bystander>();
        bystander.Insert([new Bystander.Row { BystanderId = 1 }]);
        var specimen = Schema.Table<Specimen>();
        var rows = Storable.Select((label, i) => new Specimen.Row
        {
            SpecimenId = i + 1,
            Label = label,
            Weight = i + 0.5,
            Day = new DateOnly(2024, 1, 1).AddDays(i),
            Moment = Moment.AddMinutes(i),
            Token = i == 0 ? Token : Guid.NewGuid(),
            Flag = i % 2 == 0,
            Note = i == 0 ? null : "note " + i,
        });
        specimen.Insert(rows);
        return specimen;
    }

    [Test]
    public void HostileValuesMatchExactlyTheirRowAndAlterNothing()
    {
        var specimen = Fill();
        var total = specimen.Count();
        foreach (var label in Storable)
        {
            var matched = specimen & $"label = {label}";
            Assert.That(matched.Count(), Is.EqualTo(1), Printable(label));
            Assert.That(matched.Fetch1().Label, Is.EqualTo(label), Printable(label));
            Assert.That((specimen - $"label = {label}").Count(), Is.EqualTo(total - 1), Printable(label));
            Assert.That(specimen.Restrict($"label = {label}").Count(), Is.EqualTo(1), Printable(label));
            Assert.That((specimen & $"label = {label + "!"}").Count(), Is.Zero, Printable(label));
        }

        Assert.That(specimen.Count(), Is.EqualTo(total));
        Assert.That(Schema.Table<Bystander>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void NulIsBoundOnMySqlAndRefusedByPostgreSql()
    {
        var specimen = Fill();
        if (Backend == Backend.MySql)
        {
            Assert.That((specimen & $"label = {Nul}").Fetch1().Label, Is.EqualTo(Nul));
            return;
        }

        // PostgreSQL rejects 0x00 in text values (SQLSTATE 22021); the value still never reaches the SQL text.
        var ex = Assert.Throws(Is.InstanceOf<QueryException>(), () => (specimen & $"label = {Nul}").Count()) as QueryException;
        Assert.That(ex!.ServerErrorCode, Is.EqualTo("22021"));
        Assert.That(specimen.Count(), Is.EqualTo(Storable.Count()));
    }

    [Test]
    public void HolesOfEveryCoreTypeAreBound()
    {
        var specimen = Fill();
        string? missing = null;
        Assert.Multiple(() =>
        {
            Assert.That(Ids(specimen & $"specimen_id = {2}"), Is.EqualTo(new[] { 2 }));
            Assert.That(Ids(specimen & $"specimen_id IN ({1}, {3}) AND specimen_id < {10L}"), Is.EqualTo(new[] { 1, 3 }));
            Assert.That(Ids(specimen & $"weight > {2.0} AND weight < {4m}"), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(Ids(specimen & $"day = {new DateOnly(2024, 1, 2)}"), Is.EqualTo(new[] { 2 }));
            Assert.That(Ids(specimen & $"day = {new DateOnly(2024, 1, 3):yyyy-MM-dd}"), Is.EqualTo(new[] { 3 }));
            Assert.That(Ids(specimen & $"moment = {Moment.AddMinutes(1)}"), Is.EqualTo(new[] { 2 }));
            Assert.That(Ids(specimen & $"moment BETWEEN {Moment} AND {Moment.AddMinutes(2)}"), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(Ids(specimen & $"token = {Token}"), Is.EqualTo(new[] { 1 }));
            Assert.That(Ids(specimen & $"flag = {false} AND specimen_id < {5}"), Is.EqualTo(new[] { 2, 4 }));
            // A null hole binds NULL, and `= NULL` is never true in SQL: a missing value is matched by IS NULL.
            Assert.That(Ids(specimen & $"note = {missing}"), Is.Empty);
            Assert.That(Ids(specimen & $"note IS NULL AND specimen_id = {1}"), Is.EqualTo(new[] { 1 }));
            Assert.That(Ids(specimen & $"note = {"note 1"} OR note = {"note 2"}"), Is.EqualTo(new[] { 2, 3 }));
        });
    }

    [Test]
    public void TheSqlShowsPlaceholdersNeverTheValues()
    {
        var specimen = Schema.Table<Specimen>();
        const string secret = "'; DROP TABLE bystander; --";
        var sql = (specimen & $"label = {secret} AND weight > {1234.5}").Sql;
        Assert.That(sql, Does.Contain($"label = {P(0)} AND weight > {P(1)}"));
        Assert.That(sql, Does.Not.Contain("DROP").And.Not.Contain("1234"));
        Assert.That((specimen - $"label = {secret}").Sql, Does.Contain($"NOT (label = {P(0)})"));
    }

    [Test]
    public void OverloadResolutionKeepsPlainAndConstantStringsRaw()
    {
        var specimen = Schema.Table<Specimen>();
        const string constant = "label = 'a'";
        const string constantHole = "a";
        var variable = "label = 'b'";
        Assert.Multiple(() =>
        {
            Assert.That((specimen & constant).Sql, Does.Contain("(label = 'a')"));
#pragma warning disable DJ3003 // a plain string variable is still raw SQL, which is what DJ3003 warns about
            Assert.That((specimen & variable).Sql, Does.Contain("(label = 'b')"));
#pragma warning restore DJ3003
            Assert.That((specimen & "label = 'c'").Sql, Does.Contain("(label = 'c')"));
            Assert.That((specimen & $"label = 'd'").Sql, Does.Contain("(label = 'd')"));
            // Every hole is a value, constant or not.
            Assert.That((specimen & $"label = {constantHole}").Sql, Does.Contain($"(label = {P(0)})"));
            Assert.That(specimen.Restrict(constant).Sql, Does.Contain("(label = 'a')"));
            Assert.That(specimen.Restrict($"label = 'e'").Sql, Does.Contain("(label = 'e')"));
            Assert.That(specimen.RestrictNot($"label = {constantHole}").Sql, Does.Contain($"NOT (label = {P(0)})"));
        });
    }

    [Test]
    public void EveryRestrictingFormBindsAndTablesKeepTheirType()
    {
        var specimen = Fill();
        var label = Storable.First();
        Specimen typed = specimen & $"label = {label}";
        Specimen typedNot = specimen - $"label = {label}";
        QueryExpression query = specimen.Proj("label");
        FormattableString formattable = $"label = {label}";
        var free = Instance.FreeTable(Schema.Name + "." + SqlName());
        FreeTable freeTyped = free & $"label = {label}";
        Assert.Multiple(() =>
        {
            Assert.That(typed.Fetch1().SpecimenId, Is.EqualTo(1));
            Assert.That(typedNot.Count(), Is.EqualTo(Storable.Count() - 1));
            Assert.That((query & $"label = {label}").Count(), Is.EqualTo(1));
            Assert.That((query - $"label = {label}").Count(), Is.EqualTo(Storable.Count() - 1));
            Assert.That(query.Restrict($"label = {label}").Count(), Is.EqualTo(1));
            Assert.That(specimen.Restrict(formattable).Count(), Is.EqualTo(1));
            Assert.That(specimen.RestrictNot(formattable).Count(), Is.EqualTo(Storable.Count() - 1));
            Assert.That((specimen & formattable).Count(), Is.EqualTo(1));
            Assert.That((specimen & Cond.Or(formattable, new { SpecimenId = 2 })).Count(), Is.EqualTo(2));
            Assert.That(freeTyped.Count(), Is.EqualTo(1));
            Assert.That((free - $"label = {label}").Count(), Is.EqualTo(Storable.Count() - 1));
        });
    }

    [Test]
    public void FormattableStringsReadAlignmentFormatAndBraces()
    {
        var specimen = Fill();
        var day = new DateOnly(2024, 1, 4);
        var formattable = System.Runtime.CompilerServices.FormattableStringFactory.Create(
            "day = {0:yyyy-MM-dd} AND label <> {1,3} AND '{{x}}' = '{{x}}'", day, 7);
        Assert.That(Ids(specimen.Restrict(formattable)), Is.EqualTo(new[] { 4 }));
#pragma warning disable CA2241 // the format is deliberately malformed
        var malformed = System.Runtime.CompilerServices.FormattableStringFactory.Create("day = {2}", day);
#pragma warning restore CA2241
        Assert.Throws<ArgumentException>(() => specimen.Restrict(malformed));
    }

    [Test]
    public void QuotedHolesAndUnknownAttributesAreRefusedWithoutShowingValues()
    {
        var specimen = Schema.Table<Specimen>();
        const string secret = "s3cr3t";
        var quoted = Assert.Throws<ArgumentException>(() => _ = specimen & $"label = '{secret}'");
        Assert.That(quoted!.Message, Does.Contain("label = '{0}'").And.Contain("remove the quotes").And.Not.Contain(secret));
        Assert.Throws<ArgumentException>(() => _ = specimen & $"`{secret}` = 1");
        Assert.DoesNotThrow(() => _ = specimen & $"label = 'it''s' OR label = {secret} OR label = 'a\\'b'");
        var unknown = Assert.Throws<UnknownAttributeException>(() => _ = specimen & $"colour = {secret}");
        Assert.That(unknown!.Message, Does.Contain("colour = {0}").And.Not.Contain(secret));
    }

    [Test]
    public void APlainStringIsStillDataJointsRawSqlRestriction()
    {
        var specimen = Fill();
        const string raw = "label LIKE 'O''B%' AND specimen_id = 1";
        Assert.That((specimen & raw).Sql, Does.Contain("(" + raw + ")"));
        Assert.That(Ids(specimen & raw), Is.EqualTo(new[] { 1 }));
    }

    private string SqlName() => Schema.Table<Specimen>().SqlTableName;

    private static int[] Ids(QueryExpression q) => q.Column<int>("specimen_id").Order().ToArray();

    private static string Printable(string value) => value.Length > 60 ? value[..60] + $"... ({value.Length} chars)" : value.Replace("\0", "\\0", StringComparison.Ordinal);
}
