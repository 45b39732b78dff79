using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

/// <summary>
/// The SQL each operator generates, per backend, against checked-in expectations (SqlSnapshots.MySql.sql and
/// SqlSnapshots.PostgreSql.sql; the schema name is written as <c>S</c>). Every snapshot query also runs, so an
/// expectation can only hold SQL the server accepts. Set DJ_UPDATE_SNAPSHOTS=1 to rewrite the files after review.
/// </summary>
public sealed class SqlSnapshotTests(Backend backend) : UniversityFixture(backend)
{
    private IEnumerable<(string Name, QueryExpression Query)> Cases()
    {
        yield return ("restrict-string", Student & "home_state = 'UT'");
        yield return ("restrict-interpolated", Student & $"home_state = {"UT"} AND date_of_birth < {new DateOnly(1995, 1, 1)}");
        yield return ("anti-restrict-interpolated", Course - $"credits > {3.0m}");
        yield return ("restrict-object", Course & new { Dept = "MATH", Course = 1210 });
        yield return ("restrict-or-not", Student & Cond.Or(new { HomeState = "UT" }, Cond.Not(new { Sex = "M" })));
        yield return ("semijoin", Student & (StudentMajor & new { Dept = "CS" }));
        yield return ("antijoin", Section - Enroll);
        yield return ("join", (Student & "home_state = 'CA'") * StudentMajor);
        yield return ("join-wrapped", Student.Proj("first_name") * Enroll);
        yield return ("left-join", Student.Proj().Extend(StudentMajor & new { Dept = "CS" }));
        yield return ("proj", Student.Proj("id = student_id", "name = (first_name)", "born = YEAR(date_of_birth)"));
        yield return ("proj-restricted", Student.Proj("name = first_name") & "name = 'Allison'");
        yield return ("aggr", Course.Aggr(Section, "...", "n = count(section)"));
        yield return ("aggr-restricted", Student.Aggr(Enroll, "n = count(section)") & "n > 12");
        yield return ("aggr-group-concat", Department.Aggr(Course, excludeNonmatching: true, "names = GROUP_CONCAT(course_name SEPARATOR ';')"));
        yield return ("union", (Student & "home_state = 'UT'").Proj() + (Student & "home_state = 'CA'").Proj());
        yield return ("union-secondary", Student.Proj("first_name") + StudentMajor.Proj("dept"));
        yield return ("u", U.Of("home_state") & Student);
        yield return ("u-aggr", U.Of("dept").Aggr(StudentMajor, "n = count(*)"));
        yield return ("top", Student.Top(5, "date_of_birth DESC", 10));
        yield return ("top-restricted", Student.Top(10) & "home_state = 'UT'");
        yield return ("table-top", Student & new Top(3));
    }

    private string FileName => Path.Combine(SourceDirectory(), $"SqlSnapshots.{Backend}.sql");

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private string Render() => string.Join("\n", Cases().Select(c => $"-- {c.Name}\n{c.Query.Sql.Replace(Schema.Name, "S", StringComparison.Ordinal)}\n"));

    [Test]
    public void GeneratedSqlMatchesSnapshots()
    {
        var actual = Render();
        if (Environment.GetEnvironmentVariable("DJ_UPDATE_SNAPSHOTS") == "1") File.WriteAllText(FileName, actual);
        Assert.That(actual, Is.EqualTo(File.ReadAllText(FileName).ReplaceLineEndings("\n")));
    }

    [Test]
    public void EverySnapshotQueryRuns()
    {
        foreach (var (name, query) in Cases())
        {
            Assert.DoesNotThrow(() => query.ToDicts(), name);
        }
    }
}
