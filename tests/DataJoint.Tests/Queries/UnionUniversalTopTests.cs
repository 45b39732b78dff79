using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

public sealed class UnionUniversalTopTests(Backend backend) : UniversityFixture(backend)
{
    [Test]
    public void UnionOfPrimaryKeyOnlyOperands()
    {
        var q = (Student & "home_state = 'UT'").Proj() + (Student & "home_state = 'CA'").Proj();
        AssertRows(q, $"SELECT student_id FROM {T("student")} WHERE home_state IN ('UT', 'CA')");
    }

    [Test]
    public void UnionWithSecondaryAttributes()
    {
        var q = (Student & "student_id < 150").Proj("first_name") + StudentMajor.Proj("dept");
        Assert.That(q.Heading.Names, Is.EqualTo(new[] { "student_id", "first_name", "dept" }));
        var students = Csv("Student").Where(r => int.Parse((string)r["student_id"]!) < 150).ToDictionary(r => (string)r["student_id"]!, r => (string)r["first_name"]!);
        var majors = Csv("StudentMajor").ToDictionary(r => (string)r["student_id"]!, r => (string)r["dept"]!);
        var expected = students.Keys.Union(majors.Keys).Select(id =>
            $"{id}|{(students.TryGetValue(id, out var n) ? n : "NULL")}|{(majors.TryGetValue(id, out var d) ? d : "NULL")}");
        AssertSameSet(Rows(q), expected);
    }

    [Test]
    public void RestrictedUnion()
    {
        var q = (Student & "home_state = 'UT'").Proj() + (Student & "home_state = 'CA'").Proj();
        Assert.That((q & "student_id < 200").Count(), Is.EqualTo(Csv("Student").Count(r => (string)r["home_state"]! is "UT" or "CA" && int.Parse((string)r["student_id"]!) < 200)));
    }

    [Test]
    public void UnionOfDifferentPrimaryKeysThrows()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = Student.Proj() + Course.Proj());
        Assert.That(ex!.Message, Does.StartWith("The operands of a union must share the same primary key."));
    }

    [Test]
    public void UnionSharingSecondaryAttributesThrows() =>
        Assert.Throws<ArgumentException>(() => _ = (Student & "home_state = 'UT'") + (Student & "home_state = 'CA'"));

    [Test]
    public void UniversalSetProjectsDistinctValues()
    {
        var q = U.Of("home_state") & Student;
        Assert.That(q.PrimaryKey, Is.EqualTo(new[] { "home_state" }));
        AssertRows(q, $"SELECT DISTINCT home_state FROM {T("student")}");
    }

    [Test]
    public void UniversalSetOfRestrictedJoin()
    {
        var q = U.Of("dept", "term_year") & (Enroll * Student & "home_state = 'CA'");
        AssertRows(q, $"SELECT DISTINCT e.dept, e.term_year FROM {T("enroll")} e JOIN {T("student")} s USING (student_id) WHERE s.home_state = 'CA'");
    }

    [Test]
    public void UniversalSetAggregation()
    {
        var q = U.Of("dept").Aggr(StudentMajor, "n = count(*)");
        AssertRows(q, $"SELECT dept, count(*) AS n FROM {T("student_major")} GROUP BY dept");
    }

    [Test]
    public void EmptyUniversalSetAggregatesTheWholeTable()
    {
        var q = U.Of().Aggr(Student, "n = count(*)", "youngest = max(date_of_birth)");
        Assert.That(q.Count(), Is.EqualTo(1));
        Assert.That(q.PrimaryKey, Is.Empty);
        Assert.That(Value(q.Fetch1()["n"]), Is.EqualTo("300"));
        Assert.That((U.Of() & Student).Count(), Is.EqualTo(1));
        Assert.That((U.Of() & (Student & false)).Count(), Is.Zero);
    }

    [Test]
    public void UniversalSetWithUnknownAttributeThrows()
    {
        Assert.Throws<UnknownAttributeException>(() => _ = U.Of("colour") & Student);
        Assert.Throws<ArgumentException>(() => U.Of("colour").Aggr(Student, "n = count(*)"));
        Assert.Throws<ArgumentException>(() => U.Of("dept").Aggr(StudentMajor, excludeNonmatching: false, "n = count(*)"));
    }

    [Test]
    public void TopByKey()
    {
        Assert.That(Student.Top(5).Column<int>("student_id"), Is.EqualTo(new[] { 100, 101, 102, 103, 104 }));
        Assert.That(Student.Top(1).Count(), Is.EqualTo(1));
    }

    [Test]
    public void TopWithOffsetAndDescendingOrder()
    {
        var expected = Csv("Student").Select(r => int.Parse((string)r["student_id"]!)).OrderDescending().Skip(10).Take(5);
        Assert.That(Student.Top(5, "student_id DESC", 10).Column<int>("student_id"), Is.EqualTo(expected));
    }

    [Test]
    public void ConsecutiveTopsWithSameOrderMerge()
    {
        var q = Student.Top(10).Top(3, orderBy: null, offset: 2);
        Assert.That(q.Column<int>("student_id"), Is.EqualTo(new[] { 102, 103, 104 }));
    }

    [Test]
    public void TopWithDifferentOrderWrapsTheFirst()
    {
        var q = Student.Top(10).Top(3, "student_id DESC");
        Assert.That(q.Column<int>("student_id"), Is.EqualTo(new[] { 109, 108, 107 }));
    }

    [Test]
    public void RestrictionAfterTopAppliesToTheTopRows()
    {
        var q = Student.Top(10) & "student_id >= 105";
        Assert.That(q.Count(), Is.EqualTo(5));
    }

    [Test]
    public void JoinWithTopOperand()
    {
        var q = Student.Top(20).Proj() * StudentMajor;
        Assert.That(q.Count(), Is.EqualTo(Csv("StudentMajor").Count(r => int.Parse((string)r["student_id"]!) < 120)));
    }

    [Test]
    public void TopRestrictionOnTypedTableKeepsTypeAndOrder()
    {
        Student top = Student & new Top(4, "date_of_birth DESC");
        var expected = Csv("Student").OrderByDescending(r => (string)r["date_of_birth"]!, StringComparer.Ordinal).Take(4).Select(r => int.Parse((string)r["student_id"]!));
        Assert.That(top.Fetch().Select(s => s.StudentId), Is.EqualTo(expected));
        Assert.That(top.Fetch(limit: 2).Select(s => s.StudentId), Is.EqualTo(expected.Take(2)), "a fetch limit keeps the table's order");
        Assert.That((top & "home_state <> 'XX'").Count(), Is.EqualTo(4));
        Assert.That(top.Count(), Is.EqualTo(4));
    }

    [Test]
    public void OrderByUnknownAttributeThrows()
    {
        Assert.Throws<UnknownAttributeException>(() => Student.ToDicts(orderBy: "colour"));
        Assert.Throws<UnknownAttributeException>(() => Student.Top(3, "colour DESC"));
    }
}
