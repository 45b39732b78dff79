namespace DataJoint.Tests.Queries;

/// <summary>Head and Tail: first and last rows by primary key, both in ascending order (compared with hand-written SQL).</summary>
public sealed class HeadTailTests(Backend backend) : UniversityFixture(backend)
{
    private List<string> Ordered(string order, int limit) =>
        Sql($"SELECT student_id FROM {T("student")} ORDER BY student_id {order} LIMIT {limit}", "student_id");

    [Test]
    public async Task HeadAndTailTakeTheEndsByKeyInAscendingOrder()
    {
        var head = Student.Head(3).Select(r => Value(r["student_id"])).ToList();
        var tail = (await Student.TailAsync(3)).Select(r => Value(r["student_id"])).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(head, Is.EqualTo(Ordered("ASC", 3)));
            Assert.That(tail, Is.EqualTo(Ordered("DESC", 3).AsEnumerable().Reverse()));
            Assert.That(Student.Head(), Has.Count.EqualTo(25), "DataJoint's default limit");
            Assert.That((Student & "student_id < 0").Tail(), Is.Empty);
            Assert.Throws<ArgumentOutOfRangeException>(() => Student.Head(-1));
        });
    }
}
