using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Pipeline;

public sealed class WalkingSkeletonTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void GeneratedMembersDescribeTheTable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Subject.TableName, Is.EqualTo("subject"));
            Assert.That(Session.Trial.TableName, Is.EqualTo("session__trial"));
            Assert.That(Stimulus.TableName, Is.EqualTo("#stimulus"));
            Assert.That(SessionStats.TableName, Is.EqualTo("__session_stats"));
            Assert.That(Subject.Attributes.SubjectId, Is.EqualTo("subject_id"));
            Assert.That(Session.Definition.PrimaryKey, Is.EqualTo(new[] { "subject_id", "session_idx" }));
            Assert.That(Session.Trial.Definition.PrimaryKey, Is.EqualTo(new[] { "subject_id", "session_idx", "trial_idx" }));
            Assert.That(Session.Definition.Parts.Single(), Is.SameAs(Session.Trial.Definition));
            Assert.That(Subject.Definition.Comment, Is.EqualTo("Experimental subject"));
        });
    }

    [Test]
    public void DeclaresInsertsFetchesAndDrops()
    {
        var subject = Schema.Table<Subject>();
        subject.Insert1(new Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2024, 1, 2), Sex = "F" });
        subject.Insert(
        [
            new Subject.Row { SubjectId = 2, Species = "rat" },
            new Subject.Row { SubjectId = 3, Species = "mouse", Weight = 21.5 },
        ]);

        var rows = subject.Fetch(orderBy: "subject_id");
        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows[0], Is.EqualTo(new Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2024, 1, 2), Sex = "F" }));
        Assert.That(rows[1].Sex, Is.EqualTo("U"), "the declared default applies");
        Assert.That(rows[1].DateOfBirth, Is.Null);
        Assert.That(rows[2].Weight, Is.EqualTo(21.5));

        var mice = subject & new { species = "mouse" };
        Assert.That(mice.FetchKeys().Select(k => k.SubjectId), Is.EquivalentTo(new[] { 1, 3 }));
        Assert.That((subject - new { species = "mouse" }).Fetch1().SubjectId, Is.EqualTo(2));
        Assert.That((subject & new Subject.Key(3)).Fetch1().Weight, Is.EqualTo(21.5));
        Assert.That(subject.Count(), Is.EqualTo(3));

        Assert.That(Schema.ListTables(), Does.Contain("subject"));
        Assert.That(Schema.Drop(prompt: false), Is.True);
        Assert.That(Schema.Exists, Is.False);
    }

    [Test]
    public async Task MasterPartAndLookupWork()
    {
        var trial = Schema.Table<Session.Trial>();
        Assert.That(Schema.ListTables(), Is.SupersetOf(new[] { "subject", "session", "session__trial" }));

        var stimulus = Schema.Table<Stimulus>();
        Assert.That(stimulus.Fetch(orderBy: "stimulus").Select(s => s.Description), Is.EqualTo(new[] { "drifting grating", "white noise" }));

        Schema.Table<Subject>().Insert1(new Subject.Row { SubjectId = 7, Species = "mouse" });
        var session = Schema.Table<Session>();
        await session.Insert1Async(new Session.Row { SubjectId = 7, SessionIdx = 1, SessionDate = new DateOnly(2025, 3, 4) });
        await trial.InsertAsync(Enumerable.Range(1, 5).Select(i => new Session.Trial.Row
        {
            SubjectId = 7, SessionIdx = 1, TrialIdx = i, Outcome = i % 2 == 0 ? "hit" : "miss",
        }));

        var fetched = await session.FetchAsync();
        Assert.That(fetched.Single().Notes, Is.EqualTo(""));
        Assert.That((trial & new { outcome = "hit" }).Count(), Is.EqualTo(2));
        Assert.That((trial & fetched.Single().Key).Count(), Is.EqualTo(5));

        var streamed = new List<Session.Trial.Row>();
        await foreach (var row in trial.Stream()) streamed.Add(row);
        Assert.That(streamed, Has.Count.EqualTo(5));
    }

    [Test]
    public void ComputedTablesRefuseDirectInserts()
    {
        Schema.Table<Subject>().Insert1(new Subject.Row { SubjectId = 1, Species = "mouse" });
        Schema.Table<Session>().Insert1(new Session.Row { SubjectId = 1, SessionIdx = 1, SessionDate = new DateOnly(2025, 1, 1) });
        var stats = Schema.Table<SessionStats>();
        var ex = Assert.Throws<InvalidOperationException>(() => stats.Insert1(new SessionStats.Row { SubjectId = 1, SessionIdx = 1, NTrials = 0 }));
        Assert.That(ex!.Message, Does.Contain("Make").And.Contain("allowDirectInsert"));
        stats.Insert1(new SessionStats.Row { SubjectId = 1, SessionIdx = 1, NTrials = 0 }, allowDirectInsert: true);
        Assert.That(stats.Fetch1().NTrials, Is.EqualTo(0));
    }

    [Test]
    public void DuplicateKeysAndMissingParentsAreSpecificErrors()
    {
        var subject = Schema.Table<Subject>();
        subject.Insert1(new Subject.Row { SubjectId = 1, Species = "mouse" });
        var duplicate = Assert.Throws<DuplicateKeyException>(() => subject.Insert1(new Subject.Row { SubjectId = 1, Species = "rat" }));
        Assert.That(duplicate!.Message, Does.Contain("subject"));
        Assert.That(duplicate.ServerErrorCode, Is.Not.Null);
        subject.Insert1(new Subject.Row { SubjectId = 1, Species = "rat" }, skipDuplicates: true);
        Assert.That(subject.Fetch1().Species, Is.EqualTo("mouse"));

        var session = Schema.Table<Session>();
        Assert.Throws<IntegrityException>(() => session.Insert1(new Session.Row { SubjectId = 99, SessionIdx = 1, SessionDate = new DateOnly(2025, 1, 1) }));
        Assert.Throws<UnknownAttributeException>(() => subject.Insert1(new { subject_id = 5, species = "x", colour = "red" }));
        subject.Insert1(new { subject_id = 5, species = "x", colour = "red" }, ignoreExtraFields: true);
        Assert.That(subject.Count(), Is.EqualTo(2));
    }
}
