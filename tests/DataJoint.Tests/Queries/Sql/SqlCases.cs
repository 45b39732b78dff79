using System.Globalization;
using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries.Sql;

/// <summary>
/// The query expressions whose SQL is pinned per backend: built over university tables bound either offline (from their
/// generated definitions, <see cref="Offline"/>) or on a server (<see cref="Bound"/>), so one list serves the offline
/// snapshots and the check that every snapshot runs.
/// </summary>
internal sealed class SqlCases(Student student, Department department, StudentMajor studentMajor, Course course, Section section, Enroll enroll,
    CurrentTerm currentTerm)
{
    /// <summary>The tables of a schema that never talks to a server.</summary>
    public static SqlCases Offline(Backend backend)
    {
        var schema = Schema.Offline(backend, "S");
        return new SqlCases(schema.BindOffline<Student>(), schema.BindOffline<Department>(), schema.BindOffline<StudentMajor>(),
            schema.BindOffline<Course>(), schema.BindOffline<Section>(), schema.BindOffline<Enroll>(), schema.BindOffline<CurrentTerm>());
    }

    /// <summary>The tables of a loaded university schema.</summary>
    public static SqlCases Bound(Schema schema) => new(schema.Table<Student>(), schema.Table<Department>(), schema.Table<StudentMajor>(),
        schema.Table<Course>(), schema.Table<Section>(), schema.Table<Enroll>(), schema.Table<CurrentTerm>());

    /// <summary>Restrictions, joins, projections, aggregations, unions, U and Top as they are rendered into one SELECT.</summary>
    public IEnumerable<(string Name, QueryExpression Query)> Queries()
    {
        var (Student, Department, StudentMajor, Course, Section, Enroll) = (student, department, studentMajor, course, section, enroll);
        yield return ("restrict-string", Student & "home_state = 'UT'");
        yield return ("restrict-interpolated", Student & $"home_state = {"UT"} AND date_of_birth < {new DateOnly(1995, 1, 1)}");
        yield return ("anti-restrict-interpolated", Course - $"credits > {3.0m}");
        yield return ("restrict-hostile-value", Student & $"first_name = {"'; DROP TABLE student; --"}");
        yield return ("restrict-object", Course & new { Dept = "MATH", Course = 1210 });
        yield return ("restrict-dict", Course & new Dictionary<string, object?> { ["dept"] = "CS", ["credits"] = null, ["not_an_attribute"] = 1 });
        yield return ("restrict-record", Student & new Student.Key(500));
        yield return ("restrict-list", Course & new object[] { new { Dept = "CS" }, new { Dept = "MATH" } });
        yield return ("restrict-or-not", Student & Cond.Or(new { HomeState = "UT" }, Cond.Not(new { Sex = "M" })));
        yield return ("restrict-true", Student & true);
        yield return ("restrict-false", Student & false);
        yield return ("anti-restrict-object", Student - new { HomeState = "UT" });
        yield return ("semijoin", Student & (StudentMajor & new { Dept = "CS" }));
        yield return ("semijoin-composite", Section & (Enroll & "student_id < 100"));
        yield return ("semijoin-no-common-exists", Student & (Department & new { Dept = "CS" }));
        yield return ("antijoin-no-common-exists", Student - (Department & new { Dept = "CS" }));
        yield return ("antijoin", Section - Enroll);
        yield return ("join", (Student & "home_state = 'CA'") * StudentMajor);
        yield return ("join-cross", Student.Proj() * Department.Proj());
        yield return ("join-wrapped", Student.Proj("first_name") * Enroll);
        yield return ("left-join", Student.Proj().Extend(StudentMajor & new { Dept = "CS" }));
        yield return ("proj", Student.Proj("id = student_id", "name = (first_name)", "born = YEAR(date_of_birth)"));
        yield return ("proj-exclude", Student.Proj("...", "-home_address", "-home_phone"));
        yield return ("proj-restricted", Student.Proj("name = first_name") & "name = 'Allison'");
        yield return ("aggr", Course.Aggr(Section, "...", "n = count(section)"));
        yield return ("aggr-restricted", Student.Aggr(Enroll, "n = count(section)") & "n > 12");
        yield return ("aggr-group-concat", Department.Aggr(Course, excludeNonmatching: true, "names = GROUP_CONCAT(course_name SEPARATOR ';')"));
        yield return ("union", (Student & "home_state = 'UT'").Proj() + (Student & "home_state = 'CA'").Proj());
        yield return ("union-secondary", Student.Proj("first_name") + StudentMajor.Proj("dept"));
        yield return ("u", U.Of("home_state") & Student);
        yield return ("u-aggr", U.Of("dept").Aggr(StudentMajor, "n = count(*)"));
        yield return ("top", Student.Top(5, "date_of_birth DESC", 10));
        yield return ("top-offset-only", Student.Top(null, "KEY", 20));
        yield return ("top-order-only", Student.Top(null, "last_name, first_name DESC"));
        yield return ("top-merged", Student.Top(10, "KEY").Top(3, null, 2));
        yield return ("top-restricted", Student.Top(10) & "home_state = 'UT'");
        yield return ("table-top", Student & new Top(3));
        yield return ("current-term-semijoin", Section & currentTerm);
    }

    /// <summary>The COUNT and EXISTS statements of a few queries (the wrappers <c>Count()</c> and <c>Exists()</c> run).</summary>
    public IEnumerable<(string Name, QueryExpression Query)> Wrapped()
    {
        yield return ("plain", student & "home_state = 'UT'");
        yield return ("aggr", student.Aggr(enroll, "n = count(section)"));
        yield return ("top", student.Top(5));
        yield return ("u", U.Of("home_state") & student);
    }

    /// <summary>A statement as a snapshot shows it: the SQL, then the bound values in order.</summary>
    public static string Show(SqlStatement statement)
    {
        var text = statement.Text;
        if (statement.Parameters.Count == 0) return text;
        return text + "\n-- values: " + string.Join(", ", statement.Parameters.Select(Literal));
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
