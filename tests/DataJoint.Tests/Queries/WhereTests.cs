using System.Globalization;
using DataJoint.Tests.University;

namespace DataJoint.Tests.Queries;

public sealed class WhereTests(Backend backend) : UniversityFixture(backend)
{
    private static decimal Credits(Dictionary<string, object?> r) => decimal.Parse((string)r["credits"]!, CultureInfo.InvariantCulture);

    [Test]
    public void ComparisonsAndLogic()
    {
        var minimum = 3.5m;
        Course q = Course.Where(c => (c.Dept == "MATH" || c.Dept == "PHYS") && c.Credits > minimum && !(c.Course == 1210));
        var expected = Csv("Course").Where(r => (string)r["dept"]! is "MATH" or "PHYS" && Credits(r) > minimum && (string)r["course"]! != "1210");
        Assert.That(q.Fetch().Select(c => c.Course), Is.EquivalentTo(expected.Select(r => int.Parse((string)r["course"]!))));
    }

    [Test]
    public void ContainsBecomesIn()
    {
        var states = new[] { "UT", "CA", "NY" };
        var q = Student.Where(s => states.Contains(s.HomeState));
        Assert.That(q.Count(), Is.EqualTo(Csv("Student").Count(r => states.Contains((string)r["home_state"]!))));
        Assert.That(Student.Where(s => new List<int>().Contains(s.StudentId)).Count(), Is.Zero);
    }

    [Test]
    public void StringMethodsBecomeLikeWithEscapedWildcards()
    {
        Assert.That(Student.Where(s => s.LastName.StartsWith("Sm")).Count(), Is.EqualTo(Csv("Student").Count(r => ((string)r["last_name"]!).StartsWith("Sm", StringComparison.OrdinalIgnoreCase))));
        Assert.That(Student.Where(s => s.HomePhone.Contains("x")).Count(), Is.EqualTo(Csv("Student").Count(r => ((string)r["home_phone"]!).Contains('x', StringComparison.OrdinalIgnoreCase))));
        Assert.That(Student.Where(s => s.FirstName.EndsWith("%")).Count(), Is.Zero, "% is escaped, not a wildcard");
    }

    [Test]
    public void NullChecksAndAttributeComparisons()
    {
        Assert.That(Student.Where(s => s.FirstName != null).Count(), Is.EqualTo(300));
        Assert.That(Student.Where(s => s.FirstName == s.LastName).Count(), Is.EqualTo(Csv("Student").Count(r => Equals(r["first_name"], r["last_name"]))));
    }

    [Test]
    public void WhereComposesWithOtherRestrictions()
    {
        var q = Student.Where(s => s.StudentId < 200) & StudentMajor;
        Assert.That(q.Count(), Is.EqualTo(Csv("StudentMajor").Count(r => int.Parse((string)r["student_id"]!) < 200)));
    }

    [Test]
    public void UntranslatableExpressionThrows()
    {
        var ex = Assert.Throws<DataJointException>(() => Student.Where(s => s.FirstName.Length > 3));
        Assert.That(ex!.Message, Does.StartWith("Cannot translate"));
        Assert.That(ex.Message, Does.Contain("never filtered on the client"));
    }
}
