using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

public sealed class FetchTests(Backend backend) : UniversityFixture(backend)
{
    public sealed class StudentName
    {
        public int StudentId { get; set; }

        public string FirstName { get; set; } = "";

        public string? LastName { get; set; }
    }

    public sealed record CourseInfo(string Dept, int Course, string CourseName, decimal Credits);

    public sealed record Count(string Dept, long N);

    [Test]
    public void FetchIntoClassByName()
    {
        var rows = (Student & "student_id < 103").Fetch<StudentName>(orderBy: "KEY");
        var csv = Csv("Student").Take(3).ToList();
        Assert.That(rows.Select(r => $"{r.StudentId}|{r.FirstName}|{r.LastName}"), Is.EqualTo(csv.Select(r => $"{r["student_id"]}|{r["first_name"]}|{r["last_name"]}")));
    }

    [Test]
    public void FetchIntoPositionalRecord()
    {
        var rows = (Course & new { Dept = "MATH" }).Fetch<CourseInfo>();
        var expected = Csv("Course").Where(r => (string)r["dept"]! == "MATH")
            .Select(r => new CourseInfo("MATH", int.Parse((string)r["course"]!), (string)r["course_name"]!, decimal.Parse((string)r["credits"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(rows, Is.EquivalentTo(expected));
    }

    [Test]
    public void FetchComputedAttributesIntoRecord()
    {
        var rows = U.Of("dept").Aggr(StudentMajor, "n = count(*)").Fetch<Count>(orderBy: "dept");
        var expected = Csv("StudentMajor").GroupBy(r => (string)r["dept"]!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Count(g.Key, g.Count()));
        Assert.That(rows, Is.EqualTo(expected));
    }

    [Test]
    public void Fetch1ErrorsOnZeroOrSeveralRows()
    {
        var none = Assert.Throws<DataJointException>(() => (Student & "student_id < 0").Fetch1());
        Assert.That(none!.Message, Does.StartWith("fetch1 requires exactly one tuple in the input set."));
        Assert.Throws<DataJointException>(() => Student.Fetch1<StudentName>());
        Assert.That((Student & new { StudentId = 100 }).Fetch1<StudentName>().FirstName, Is.EqualTo(Csv("Student")[0]["first_name"]));
    }

    [Test]
    public void Fetch1WithNamedAttributesReturnsValuesOrTuples()
    {
        var student = Student & new { StudentId = 100 };
        var csv = Csv("Student")[0];
        Assert.Multiple(() =>
        {
            Assert.That(student.Fetch1<string>("first_name"), Is.EqualTo(csv["first_name"]));
            Assert.That(student.Fetch1<string, DateOnly>("last_name", "date_of_birth"),
                Is.EqualTo(((string)csv["last_name"]!, DateOnly.Parse((string)csv["date_of_birth"]!, System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(student.Fetch1<long, string, string>("student_id", "home_state", "home_city"),
                Is.EqualTo((100L, (string)csv["home_state"]!, (string)csv["home_city"]!)));
        });
        var several = Assert.Throws<DataJointException>(() => Student.Fetch1<string>("first_name"));
        Assert.That(several!.Message, Does.StartWith("fetch1 requires exactly one tuple"));
        Assert.Throws<DataJointException>(() => (Student & "student_id < 0").Fetch1<string, string>("first_name", "last_name"));
        Assert.Throws<UnknownAttributeException>(() => student.Fetch1<string>("colour"));
    }

    [Test]
    public void ColumnKeysAndDicts()
    {
        Assert.That((Department).Column<string>("dept", orderBy: "dept"), Is.EqualTo(Csv("Department").Select(r => (string)r["dept"]!).Order(StringComparer.Ordinal)));
        var keys = (Course & new { Dept = "BIOL" }).Keys(orderBy: "KEY", limit: 2);
        Assert.That(keys.Select(k => k.Keys.ToArray()), Is.All.EqualTo(new[] { "dept", "course" }));
        Assert.That(keys, Has.Count.EqualTo(2));
        var page = Student.ToDicts(orderBy: "student_id DESC", limit: 2, offset: 1);
        Assert.That(page.Select(r => r["student_id"]), Is.EqualTo(new object[] { 398, 397 }));
    }

    [Test]
    public void TypedFetchOnRestrictedGeneratedTableKeepsType()
    {
        Course restricted = Course & new { Dept = "PHYS" } & "credits >= 4";
        var rows = restricted.Fetch();
        Assert.That(rows.Select(r => r.Course), Is.EquivalentTo(Csv("Course").Where(r => (string)r["dept"]! == "PHYS" && decimal.Parse((string)r["credits"]!, System.Globalization.CultureInfo.InvariantCulture) >= 4).Select(r => int.Parse((string)r["course"]!))));
        Assert.That(restricted.FetchKeys(), Has.Count.EqualTo(rows.Count));
    }

    [Test]
    public async Task AsyncAndStreamingVariants()
    {
        var q = Student.Aggr(Enroll, "n = count(section)");
        Assert.That(await q.CountAsync(), Is.EqualTo(300));
        Assert.That(await q.ExistsAsync(), Is.True);
        Assert.That(await (Student & false).ExistsAsync(), Is.False);
        Assert.That((await q.ToDictsAsync(limit: 7)).Count, Is.EqualTo(7));
        Assert.That((await Student.FetchAsync<StudentName>(orderBy: "KEY", limit: 3)).Select(s => s.StudentId), Is.EqualTo(new[] { 100, 101, 102 }));
        var streamed = 0;
        await foreach (var row in (Enroll * Student).StreamAsync()) streamed += row.Count > 0 ? 1 : 0;
        Assert.That(streamed, Is.EqualTo(Csv("Enroll").Count));
        var typed = 0;
        await foreach (var _ in Course.StreamAsync<CourseInfo>()) typed++;
        Assert.That(typed, Is.EqualTo(Csv("Course").Count));
    }

    [Test]
    public void CountsOfDerivedExpressions()
    {
        Assert.That((Enroll * Student).Count(), Is.EqualTo(Csv("Enroll").Count));
        Assert.That(Student.Aggr(Enroll, "n = count(section)").Count(), Is.EqualTo(300));
        Assert.That((U.Of("home_state") & Student).Count(), Is.EqualTo(Csv("Student").Select(r => r["home_state"]).Distinct().Count()));
    }
}
