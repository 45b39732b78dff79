using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Declaration;

/// <summary>DDL text that cannot be a parameter (comments, defaults, enum values) keeps backslashes as written on every backend.</summary>
public sealed class LiteralEscapingTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void BackslashesInCommentsDefaultsAndEnumValuesAreStoredAsWritten()
    {
        var table = Schema.Table<Backslashed>();
        table.Insert1(new { item_id = 1 });

        var row = table.Fetch1();
        Assert.That(row.Note, Is.EqualTo(@"a\b"));
        Assert.That(row.Kind, Is.EqualTo(@"x\y"));
        var heading = Instance.FreeTable(table.FullTableName).Heading;
        Assert.That(heading["note"].Comment, Is.EqualTo(@"back\slash"));
        Assert.That(heading["kind"].Type, Is.EqualTo(@"enum('x\y', 'z')"));
    }
}
