using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

public sealed class JoinTests(Backend backend) : UniversityFixture(backend)
{
    [Test]
    public void JoinOnSharedKeyWhenLeftDeterminesRight()
    {
        var q = StudentMajor * Department;
        Assert.That(q.PrimaryKey, Is.EqualTo(new[] { "student_id" }));
        Assert.That(q.Heading.Names, Is.EqualTo(new[] { "student_id", "dept", "declare_date", "dept_name", "dept_address", "dept_phone" }));
        AssertRows(q, $"SELECT student_id, dept, declare_date, dept_name, dept_address, dept_phone FROM {T("student_major")} JOIN {T("department")} USING (dept)");
    }

    [Test]
    public void JoinWhenRightDeterminesLeftPutsRightFirst()
    {
        var q = Student * Enroll;
        Assert.That(q.PrimaryKey, Is.EqualTo(Enroll.PrimaryKey));
        Assert.That(q.Heading.Names.Take(6), Is.EqualTo(Enroll.Heading.Names));
        Assert.That(q.Count(), Is.EqualTo(Csv("Enroll").Count));
    }

    [Test]
    public void JoinWithNeitherDeterminingUnitesKeys()
    {
        var q = StudentMajor * Course;
        Assert.That(q.PrimaryKey, Is.EqualTo(new[] { "student_id", "dept", "course" }));
        var expected = Csv("StudentMajor").Join(Csv("Course"), m => m["dept"], c => c["dept"], (m, c) => $"{m["student_id"]}|{c["dept"]}|{c["course"]}");
        AssertSameSet(Rows(q, "student_id", "dept", "course"), expected);
    }

    [Test]
    public void JoinCarriesRestrictionsOfBothSides()
    {
        var q = (Student & "home_state = 'UT'") * (StudentMajor & new { Dept = "CS" });
        AssertRows(q.Proj(), $"SELECT student_id FROM {T("student")} JOIN {T("student_major")} USING (student_id) WHERE home_state = 'UT' AND dept = 'CS'");
    }

    [Test]
    public void ThreeWayJoin()
    {
        var q = Enroll * Student * Course & "credits > 3.5";
        Assert.That(q.Count(), Is.EqualTo(Sql($"SELECT e.student_id FROM {T("enroll")} e JOIN {T("course")} c ON c.dept = e.dept AND c.course = e.course WHERE c.credits > 3.5", "student_id").Count));
    }

    [Test]
    public void JoinOfNonHomologousNamesakesIsRefused()
    {
        var ex = Assert.Throws<DataJointException>(() => _ = Course.Proj("term_year = course") * Term);
        Assert.That(ex!.Message, Does.StartWith("Cannot join on attribute `term_year`: different lineages ("));
        Assert.That(ex.Message, Does.Contain("Use .Proj() to rename"));
    }

    [Test]
    public void JoinOnNamesakeWithoutLineageIsRefusedUnlessSemanticCheckIsOff()
    {
        var renamed = Department.Proj("first_name = dept_name");
        var ex = Assert.Throws<DataJointException>(() => _ = Student * renamed);
        Assert.That(ex!.Message, Does.StartWith("Cannot join on attribute `first_name`: lineage missing on one side"));
        Assert.That(Student.Join(renamed, semanticCheck: false).Count(), Is.Zero);
    }

    [Test]
    public void SecondaryForeignKeysWithCommonOriginJoin()
    {
        var q = StudentMajor * (Course & new { Course = 1010 });
        Assert.That(q.Count(), Is.EqualTo(Sql($"SELECT student_id FROM {T("student_major")} m JOIN {T("course")} c ON c.dept = m.dept WHERE c.course = 1010", "student_id").Count));
    }

    [Test]
    public void LeftJoinKeepsEveryRowOfTheLeftOperand()
    {
        var q = Student.Proj().Extend(StudentMajor);
        AssertRows(q, $"SELECT s.student_id, m.dept, m.declare_date FROM {T("student")} s LEFT JOIN {T("student_major")} m ON m.student_id = s.student_id");
        Assert.That(q.Heading["dept"].Nullable, Is.True);
    }

    [Test]
    public void LeftJoinWithRestrictedRightOperandKeepsRestrictionInside()
    {
        var q = Student.Proj().Join(StudentMajor & new { Dept = "CS" }, left: true);
        Assert.That(q.Count(), Is.EqualTo(300));
        Assert.That((q & "dept IS NOT NULL").Count(), Is.EqualTo(Csv("StudentMajor").Count(r => (string)r["dept"]! == "CS")));
    }

    [Test]
    public void LeftJoinNotDeterminedIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => StudentMajor.Join(Course, left: true));
        Assert.That(ex!.Message, Does.StartWith("Left join requires the left operand to determine the right operand"));
    }

    [Test]
    public void JoinWithProjectedOperandWrapsIt()
    {
        var q = Student.Proj("first_name") * StudentMajor.Proj("dept");
        AssertRows(q, $"SELECT student_id, first_name, dept FROM {T("student")} JOIN {T("student_major")} USING (student_id)");
    }

    [Test]
    public void JoinWithRenamedKeyMatchesOnTheNewName()
    {
        var advisor = Student.Proj("advisor_id = student_id", "advisor_name = last_name");
        var q = Student.Proj("last_name").Join(advisor, semanticCheck: true) & "advisor_id = student_id + 1";
        Assert.That(q.Count(), Is.EqualTo(299));
    }

    [Test]
    public void JoinAcrossConnectionsIsRefused()
    {
        using var other = Server.NewInstance(configure: c => c.SafeMode = false);
        var foreign = other.Schema(Schema.Name, createSchema: false).Table<StudentMajor>();
        var ex = Assert.Throws<ArgumentException>(() => _ = Student * foreign);
        Assert.That(ex!.Message, Does.StartWith("Cannot operate on expressions from different connections"));
    }

    [Test]
    public void JoinWithUniversalSetIsACompileTimeError()
    {
        var join = typeof(QueryExpression).GetMethod("op_Multiply", [typeof(QueryExpression), typeof(U)]);
        var obsolete = join?.GetCustomAttributes(typeof(ObsoleteAttribute), inherit: false).Cast<ObsoleteAttribute>().SingleOrDefault();
        Assert.That(obsolete?.IsError, Is.True);
        Assert.That(obsolete!.Message, Does.Contain("U.Of(...) & query"));
    }
}
