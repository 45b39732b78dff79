using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Existing;

/// <summary>
/// Introspection of an existing schema: the schemas and tables the server holds, a table found by class or SQL name,
/// and <see cref="Table.Describe"/> giving the definition back in DataJoint's describe() spelling — indexes and
/// foreign-key options included on both backends.
/// </summary>
public sealed class DescribeTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task DescribeGivesEachDefinitionBackInDataJointsSpelling()
    {
        _ = Schema.Table<DescRecording.Channel>();
        Assert.Multiple(() =>
        {
            Assert.That(Schema.GetTable("DescRig").Describe(), Is.EqualTo(
                "# a rig\n"
                + "rig                  : varchar(8)                   # rig name\n"
                + "---\n"
                + "room=\"B1\"            : varchar(16)                  # where it stands\n"));
            Assert.That(Schema.GetTable("desc_animal").Describe(), Is.EqualTo(
                "# an animal\n"
                + "animal_id            : int32                        \n"
                + "---\n"
                + "species=\"mouse\"      : varchar(32)                  \n"
                + "weight=null          : float64                      # grams\n"
                + "born                 : date                         \n"
                + "tag                  : char(6)                      \n"
                + "INDEX (born)\n"
                + "UNIQUE INDEX (tag)\n"));
            Assert.That(Schema.GetTable("DescRecording").Describe(), Is.EqualTo(
                "# a recording\n"
                + "-> DescAnimal\n"
                + "rec_idx              : int16                        \n"
                + "---\n"
                + "-> [nullable, unique] DescRig\n"
                + "-> [nullable] DescAnimal.proj(partner_id=\"animal_id\")\n"
                + "started=CURRENT_TIMESTAMP : datetime                     \n"
                + "quality=3            : int8                         \n"
                + "data=null            : <blob>                       \n"));
        });
        Assert.That(await Schema.GetTable("DescRecording.Channel").DescribeAsync(), Is.EqualTo(
            "-> DescRecording\n"
            + "channel              : int16                        \n"
            + "---\n"
            + "gain                 : float32                      \n"));
    }

    [Test]
    public void DescribeOfATypedTableEqualsDescribeOfTheSameTableFoundByName()
    {
        var typed = Schema.Table<DescAnimal>();
        Assert.That(typed.Describe(), Is.EqualTo(Schema.GetTable("DescAnimal").Describe()));
    }

    [Test]
    public async Task SchemasAndTablesAreListedAndATableIsFoundByEitherName()
    {
        _ = Schema.Table<DescRecording.Channel>();
        Assert.That(await Instance.ListSchemasAsync(), Does.Contain(Schema.Name));
        Assert.That(Instance.ListSchemas(), Does.Not.Contain("information_schema"));
        Assert.That(Schema.ListTables(), Is.SupersetOf(new[] { "#desc_rig", "desc_animal", "desc_recording", "desc_recording__channel" }));

        var bySqlName = await Schema.GetTableAsync("desc_recording__channel");
        var byClassName = Schema.GetTable("DescRecording.Channel");
        Assert.That(byClassName.FullTableName, Is.EqualTo(bySqlName.FullTableName));
        Assert.That(byClassName.Heading.PrimaryKey, Is.EqualTo(new[] { "animal_id", "rec_idx", "channel" }));

        var missing = Assert.Throws<MissingTableException>(() => Schema.GetTable("NoSuchTable"));
        Assert.That(missing!.Message, Does.Contain("NoSuchTable").And.Contain("DescRig (#desc_rig)"));
    }
}
