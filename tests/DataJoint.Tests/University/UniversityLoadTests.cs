using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.University;

public sealed class UniversityLoadTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void LoadsTheWholeDatasetAndCountsMatchTheFiles()
    {
        UniversityData.Load(Schema);
        Assert.Multiple(() =>
        {
            Assert.That(Schema.Table<Student>().Count(), Is.EqualTo(UniversityData.Read("Student").Count));
            Assert.That(Schema.Table<Department>().Count(), Is.EqualTo(UniversityData.Read("Department").Count));
            Assert.That(Schema.Table<StudentMajor>().Count(), Is.EqualTo(UniversityData.Read("StudentMajor").Count));
            Assert.That(Schema.Table<Course>().Count(), Is.EqualTo(UniversityData.Read("Course").Count));
            Assert.That(Schema.Table<Section>().Count(), Is.EqualTo(UniversityData.Read("Section").Count));
            Assert.That(Schema.Table<Enroll>().Count(), Is.EqualTo(UniversityData.Read("Enroll").Count));
            Assert.That(Schema.Table<Grade>().Count(), Is.EqualTo(UniversityData.Read("Grade").Count));
            Assert.That(Schema.Table<LetterGrade>().Count(), Is.EqualTo(11));
        });

        var department = (Schema.Table<Department>() & new { dept = "BIOL" }).Fetch1();
        Assert.That(department.DeptAddress, Does.Contain("\n"), "quoted multi-line CSV fields survive");
        var course = (Schema.Table<Course>() & new Course.Key("BIOL", 1210)).Fetch1();
        Assert.That(course.Credits, Is.EqualTo(4.0m));
    }
}
