using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

public sealed class RestrictionTests(Backend backend) : UniversityFixture(backend)
{
    private string StudentColumns => $"student_id, first_name, last_name, {Txt("sex")} AS sex, date_of_birth, home_address, home_city, home_state, home_zip, home_phone";

    [Test]
    public void SqlStringRestriction() =>
        AssertRows(Student & "home_state = 'UT'", $"SELECT {StudentColumns} FROM {T("student")} WHERE home_state = 'UT'");

    [Test]
    public void SqlStringWithUppercaseKeywordsAndBackticks()
    {
        // Backticks quote names on MySQL only; restriction strings are passed to the server untranslated.
        var q = Student & (Backend == Backend.MySql
            ? "`home_state` IN ('UT', 'CA') AND date_of_birth < '1995-01-01' AND NOT (sex = 'M')"
            : "home_state IN ('UT', 'CA') AND date_of_birth < '1995-01-01' AND NOT (sex = 'M')");
        var expected = Csv("Student").Where(r => (string)r["home_state"]! is "UT" or "CA"
            && string.CompareOrdinal((string)r["date_of_birth"]!, "1995-01-01") < 0 && (string)r["sex"]! != "M").Select(r => r["student_id"]!.ToString()!);
        AssertSameSet(Rows(q, "student_id"), expected);
    }

    [Test]
    public void SqlStringWithUnknownAttributeThrowsDataJointText()
    {
        var ex = Assert.Throws<UnknownAttributeException>(() => _ = Student & "colour = 'red'");
        Assert.That(ex!.Message, Does.StartWith("Attribute `colour` is not found in query."));
    }

    [Test]
    public void LowercaseSqlWordsAreTreatedAsAttributesAsInDataJoint()
    {
        Assert.Throws<UnknownAttributeException>(() => _ = Student & "true");
        Assert.That((Student & "TRUE").Count(), Is.EqualTo(300));
        Assert.That((Student & "home_state LIKE 'U%' AND first_name IS NOT NULL").Count(),
            Is.EqualTo(Csv("Student").Count(r => ((string)r["home_state"]!).StartsWith('U'))));
    }

    [Test]
    public void QuotedLiteralsAreNotScannedForAttributes() =>
        Assert.That((Student & "home_city = 'nowhere town'").Count(), Is.Zero);

    [Test]
    public void AnonymousObjectMapsPascalCaseToSnakeCase() =>
        AssertRows(Student & new { HomeState = "CA", Sex = "F" },
            $"SELECT {StudentColumns} FROM {T("student")} WHERE home_state = 'CA' AND sex = 'F'");

    [Test]
    public void DictionaryRestriction()
    {
        var q = Course & new Dictionary<string, object?> { ["dept"] = "MATH", ["credits"] = 3.0m };
        AssertRows(q, $"SELECT dept, course, course_name, credits FROM {T("course")} WHERE dept = 'MATH' AND credits = 3.0");
    }

    [Test]
    public void UnknownNamesAreIgnoredSoTheConditionIsTrue()
    {
        Assert.That((Student & new { Typo = 1 }).Count(), Is.EqualTo(300));
        Assert.That((Student - new { Typo = 1 }).Count(), Is.Zero);
        Assert.That((Student & new Dictionary<string, object?> { ["typo"] = 1, ["home_state"] = "UT" }).Count(),
            Is.EqualTo(Csv("Student").Count(r => (string)r["home_state"]! == "UT")));
    }

    [Test]
    public void KeyRecordRestriction()
    {
        var course = (Course & new Course.Key("MATH", 1210)).Fetch1();
        var expected = Csv("Course").Single(r => (string)r["dept"]! == "MATH" && (string)r["course"]! == "1210");
        Assert.That(course.CourseName, Is.EqualTo(expected["course_name"]));
    }

    [Test]
    public void RowRecordRestriction()
    {
        var row = Student.Fetch(limit: 1)[0];
        Assert.That((Student & row).Fetch1(), Is.EqualTo(row));
    }

    [Test]
    public void SemijoinByAnotherQuery() =>
        AssertRows(Student.Proj() & StudentMajor, $"SELECT student_id FROM {T("student")} WHERE student_id IN (SELECT student_id FROM {T("student_major")})");

    [Test]
    public void AntijoinByAnotherQuery() =>
        AssertRows(Student.Proj() - StudentMajor, $"SELECT student_id FROM {T("student")} WHERE student_id NOT IN (SELECT student_id FROM {T("student_major")})");

    [Test]
    public void SemijoinByRestrictedQueryOnMultiColumnKey()
    {
        var q = Section.Proj() & (Enroll & new { StudentId = 100 });
        AssertRows(q, $"SELECT dept, course, term_year, {Txt("term")} AS term, section FROM {T("section")} s WHERE EXISTS "
            + $"(SELECT 1 FROM {T("enroll")} e WHERE e.student_id = 100 AND e.dept = s.dept AND e.course = s.course "
            + "AND e.term_year = s.term_year AND e.term = s.term AND e.section = s.section)");
    }

    [Test]
    public void OrListFromArray()
    {
        var q = Student & new object[] { new { HomeState = "UT" }, "home_state = 'CA'" };
        Assert.That(q.Count(), Is.EqualTo(Csv("Student").Count(r => (string)r["home_state"]! is "UT" or "CA")));
    }

    [Test]
    public void CondOrAndAndNot()
    {
        var q = Student & Cond.And(Cond.Or(new { HomeState = "UT" }, new { HomeState = "CA" }), Cond.Not(new { Sex = "M" }));
        Assert.That(q.Count(), Is.EqualTo(Csv("Student").Count(r => (string)r["home_state"]! is "UT" or "CA" && (string)r["sex"]! != "M")));
    }

    [Test]
    public void EmptyOrListIsFalse()
    {
        Assert.That((Student & Array.Empty<object>()).Count(), Is.Zero);
        Assert.That((Student - new List<object>()).Count(), Is.EqualTo(300));
        Assert.That((Student & Cond.And()).Count(), Is.EqualTo(300));
    }

    [Test]
    public void DoubleNegationCancels() =>
        Assert.That((Student - Cond.Not(new { HomeState = "UT" })).Count(), Is.EqualTo(Csv("Student").Count(r => (string)r["home_state"]! == "UT")));

    [Test]
    public void TrueAndFalse()
    {
        Assert.That((Student & true).Count(), Is.EqualTo(300));
        Assert.That((Student & false).Count(), Is.Zero);
        Assert.That((Student - false).Count(), Is.EqualTo(300));
    }

    [Test]
    public void TopAsRestriction()
    {
        var ids = (Student & new Top(5, "student_id DESC")).Column<int>("student_id");
        Assert.That(ids, Is.EqualTo(Csv("Student").Select(r => int.Parse((string)r["student_id"]!)).OrderDescending().Take(5)));
    }

    [Test]
    public void TopInsideOrListIsInvalid()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = Student & Cond.Or(new Top(3), "home_state = 'UT'"));
        Assert.That(ex!.Message, Does.StartWith("Invalid restriction type"));
    }

    [Test]
    public void NumberIsAnInvalidRestrictionType()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = Student & 42);
        Assert.That(ex!.Message, Does.StartWith("Invalid restriction type"));
    }

    [Test]
    public void UniversalSetAsConditionIsTrue() => Assert.That((Student & U.Of("x")).Count(), Is.EqualTo(300));

    [Test]
    public void NoCommonAttributesUsesTheOtherQuerysExistence()
    {
        Assert.That((Student & Department).Count(), Is.EqualTo(300));
        Assert.That((Student & (Department & new { Dept = "NONE" })).Count(), Is.Zero);
        Assert.That((Student - (Department & new { Dept = "NONE" })).Count(), Is.EqualTo(300));
    }

    [Test]
    public void SemanticCheckRefusesRestrictionByNamesakeWithoutLineage()
    {
        var renamed = Department.Proj("first_name = dept_name");
        var ex = Assert.Throws<DataJointException>(() => _ = Student & renamed);
        Assert.That(ex!.Message, Does.StartWith("Cannot join on attribute `first_name`: lineage missing on one side"));
        Assert.That(Student.Restrict(renamed, semanticCheck: false).Count(), Is.Zero);
    }

    [Test]
    public void RestrictingRenamedAttributeWrapsSubquery()
    {
        var q = Student.Proj("id = student_id", "name = first_name") & "id < 110";
        Assert.That(q.Column<int>("id", orderBy: "id"), Is.EqualTo(Enumerable.Range(100, 10)));
    }

    [Test]
    public void RestrictionAfterAggregationFiltersGroups()
    {
        var q = Section.Aggr(Enroll, "n = count(student_id)") & "n >= 10";
        Assert.That(q.Count(), Is.EqualTo(Sql($"SELECT dept FROM {T("enroll")} GROUP BY dept, course, term_year, term, section HAVING count(*) >= 10", "dept").Count));
    }

    [Test]
    public void RestrictingByOtherConnectionThrows()
    {
        using var other = Server.NewInstance(configure: c => c.SafeMode = false);
        var foreign = other.Schema(Schema.Name, createSchema: false).Table<StudentMajor>();
        var ex = Assert.Throws<ArgumentException>(() => _ = Student & foreign);
        Assert.That(ex!.Message, Does.StartWith("Cannot operate on expressions from different connections"));
    }

    [Test]
    public void ContainsViaRestrictionExists()
    {
        Assert.That((Student & new { StudentId = 100 }).Exists(), Is.True);
        Assert.That((Student & new { StudentId = 99 }).Exists(), Is.False);
    }
}
