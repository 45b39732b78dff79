using System.Globalization;
using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

public sealed class ProjAggrTests(Backend backend) : UniversityFixture(backend)
{
    [Test]
    public void ProjKeepsPrimaryKeyAndNamedAttributes()
    {
        var q = Student.Proj("first_name", "home_state");
        Assert.That(q.Heading.Names, Is.EqualTo(new[] { "student_id", "first_name", "home_state" }));
        AssertRows(q, $"SELECT student_id, first_name, home_state FROM {T("student")}");
    }

    [Test]
    public void ProjEllipsisAndExclusion()
    {
        Assert.That(Student.Proj("...").Heading.Names, Is.EqualTo(Student.Heading.Names));
        var q = Student.Proj("...", "-home_phone", "-home_zip");
        Assert.That(q.Heading.Names, Does.Not.Contain("home_phone").And.Not.Contain("home_zip").And.Contain("home_city"));
        Assert.That(Student.Proj("-home_phone").Heading.Names, Is.EqualTo(Student.Heading.Names.Where(n => n != "home_phone")));
    }

    [Test]
    public void ProjRenameKeepsLineageAndKey()
    {
        var q = Student.Proj("id = student_id", "name = first_name");
        Assert.That(q.PrimaryKey, Is.EqualTo(new[] { "id" }));
        Assert.That(q.Heading["id"].Lineage, Is.EqualTo(Student.Heading["student_id"].Lineage));
        AssertRows(q, $"SELECT student_id AS id, first_name AS name FROM {T("student")}");
    }

    [Test]
    public void ProjDuplicate()
    {
        var q = Student.Proj("copy = (student_id)");
        AssertRows(q, $"SELECT student_id, student_id AS copy FROM {T("student")}");
        Assert.That(q.PrimaryKey, Is.EqualTo(new[] { "student_id" }));
    }

    [Test]
    public void ProjComputedExpression()
    {
        var q = Student.Proj("full_name = CONCAT(first_name, ' ', last_name)");
        AssertSameSet(Rows(q), Csv("Student").Select(r => $"{r["student_id"]}|{r["first_name"]} {r["last_name"]}"));
        Assert.That(q.Heading["full_name"].Lineage, Is.Null);
    }

    [Test]
    public void ProjTranslatesDateFunctionsPerBackend()
    {
        var q = Student.Proj("born = YEAR(date_of_birth)", "m = MONTH(date_of_birth)");
        AssertSameSet(Rows(q), Csv("Student").Select(r =>
        {
            var d = DateOnly.ParseExact((string)r["date_of_birth"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return $"{r["student_id"]}|{d.Year}|{d.Month}";
        }));
    }

    [Test]
    public void ProjOfProjRenamesAgain()
    {
        var q = Student.Proj("a = first_name").Proj("b = a");
        AssertRows(q, $"SELECT student_id, first_name AS b FROM {T("student")}");
    }

    [Test]
    public void ProjUnknownAttributeThrows()
    {
        var ex = Assert.Throws<UnknownAttributeException>(() => Student.Proj("colour"));
        Assert.That(ex!.Message, Is.EqualTo("Attribute `colour` not found."));
        Assert.Throws<UnknownAttributeException>(() => Student.Proj("-colour"));
        Assert.Throws<UnknownAttributeException>(() => Student.Proj("x = colour"));
    }

    [Test]
    public void ProjExcludingPrimaryKeyThrows() =>
        Assert.That(Assert.Throws<ArgumentException>(() => Student.Proj("-student_id"))!.Message, Does.StartWith("Cannot exclude primary key attribute `student_id`"));

    [Test]
    public void ProjNameClashThrows() =>
        Assert.That(Assert.Throws<ArgumentException>(() => Student.Proj("first_name", "first_name = last_name"))!.Message,
            Is.EqualTo("Attribute `first_name` already exists"));

    [Test]
    public void AggrKeepsAllRowsByDefault()
    {
        var q = Student.Aggr(Enroll, "n = count(section)");
        Assert.That(q.Count(), Is.EqualTo(300));
        AssertRows(q, $"SELECT s.student_id, count(e.section) AS n FROM {T("student")} s LEFT JOIN {T("enroll")} e ON e.student_id = s.student_id GROUP BY s.student_id");
    }

    [Test]
    public void AggrExcludeNonmatching()
    {
        var q = Student.Aggr(Enroll, excludeNonmatching: true, "n = count(*)");
        AssertRows(q, $"SELECT student_id, count(*) AS n FROM {T("enroll")} GROUP BY student_id");
    }

    [Test]
    public void AggrWithEllipsisKeepsSecondaryAttributes()
    {
        var q = Course.Aggr(Section, "...", "sections = count(section)");
        Assert.That(q.Heading.Names, Is.EqualTo(new[] { "dept", "course", "course_name", "credits", "sections" }));
        AssertRows(q, $"SELECT c.dept, c.course, c.course_name, c.credits, count(s.section) AS sections FROM {T("course")} c "
            + $"LEFT JOIN {T("section")} s ON s.dept = c.dept AND s.course = c.course GROUP BY c.dept, c.course, c.course_name, c.credits");
    }

    [Test]
    public void AggrPostRestriction()
    {
        var q = Student.Aggr(Enroll, "n = count(section)") & "n > 12";
        AssertRows(q, $"SELECT student_id, count(*) AS n FROM {T("enroll")} GROUP BY student_id HAVING count(*) > 12");
    }

    [Test]
    public void AggrOfRestrictedOperands()
    {
        var q = (Student & "home_state = 'CA'").Aggr(Grade & new { Grade = "A" }, "a_count = count(grade)");
        AssertRows(q, $"SELECT s.student_id, count(g.grade) AS a_count FROM {T("student")} s LEFT JOIN "
            + $"(SELECT * FROM {T("grade")} WHERE grade = 'A') g ON g.student_id = s.student_id WHERE s.home_state = 'CA' GROUP BY s.student_id");
    }

    [Test]
    public void AggrSumOfComparisonIsTranslated()
    {
        var q = Student.Aggr(Grade, excludeNonmatching: true, "n_a = SUM(grade = 'A')");
        AssertSameSet(Rows(q), Csv("Grade").GroupBy(r => r["student_id"]).Select(g => $"{g.Key}|{g.Count(r => (string)r["grade"]! == "A")}"));
    }

    [Test]
    public void AggrGroupConcatIsTranslated()
    {
        var q = Department.Aggr(Course, excludeNonmatching: true, "courses = GROUP_CONCAT(course_name SEPARATOR ';')");
        var counts = q.ToDicts().ToDictionary(r => (string)r["dept"]!, r => ((string)r["courses"]!).Split(';').Length);
        Assert.That(counts, Is.EqualTo(Csv("Course").GroupBy(r => (string)r["dept"]!).ToDictionary(g => g.Key, g => g.Count())));
    }

    [Test]
    public void AggrWhoseGroupLacksTheKeyThrows()
    {
        var ex = Assert.Throws<ArgumentException>(() => Course.Aggr(Student, "n = count(*)"));
        Assert.That(ex!.Message, Does.StartWith("Aggregation requires the group expression to contain all primary key attributes"));
    }

    [Test]
    public void AggrOrderedByComputedAttribute()
    {
        var q = Section.Aggr(Enroll, "n = count(student_id)").Top(3, "n DESC, KEY");
        var expected = Sql($"SELECT count(*) AS n FROM {T("enroll")} GROUP BY dept, course, term_year, term, section ORDER BY count(*) DESC LIMIT 3", "n");
        Assert.That(Rows(q, "n"), Is.EqualTo(expected));
    }
}
