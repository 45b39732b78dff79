using DataJoint;

namespace DataJointApp.Tests;

public sealed class SessionScoreTests : PipelineTest
{
    [Test]
    public async Task PopulateScoresEverySessionFromItsTrials()
    {
        await InsertSessionsAsync();
        var scores = await Schema.TableAsync<SessionScore>();

        var result = await scores.PopulateAsync(CancellationToken.None);

        Assert.That(result.SuccessCount, Is.EqualTo(3));
        var accuracy = (await scores.FetchAsync(orderBy: "subject_id, session_idx")).Select(s => s.Accuracy);
        Assert.That(accuracy, Is.EqualTo(new double?[] { 0.75, 0.9, null }).Within(1e-12));
    }

    [Test]
    public async Task PopulateMakesOnlyTheMissingScores()
    {
        var sessions = await InsertSessionsAsync();
        var scores = await Schema.TableAsync<SessionScore>();
        await scores.PopulateAsync(CancellationToken.None);
        await sessions.Insert1Async(new Session.Row { SubjectId = 2, SessionIdx = 2, SessionDate = new DateOnly(2025, 6, 4), NTrials = 10, NCorrect = 4 });

        var result = await scores.PopulateAsync(CancellationToken.None);

        Assert.That(result.SuccessCount, Is.EqualTo(1));
        var added = await (scores & new { subject_id = 2, session_idx = 2 }).Fetch1Async();
        Assert.That(added.Accuracy, Is.EqualTo(0.4).Within(1e-12));
    }

    [Test]
    public async Task DeletingASessionDeletesItsScore()
    {
        var sessions = await InsertSessionsAsync();
        var scores = await Schema.TableAsync<SessionScore>();
        await scores.PopulateAsync(CancellationToken.None);

        await (sessions & new { subject_id = 1 }).DeleteAsync(prompt: false);

        Assert.That((await scores.FetchKeysAsync()).Select(k => k.SubjectId), Is.EqualTo(new[] { 2 }));
    }

    private async Task<Session> InsertSessionsAsync()
    {
        var subjects = await Schema.TableAsync<Subject>();
        await subjects.InsertAsync([new Subject.Row { SubjectId = 1, Species = "mouse" }, new Subject.Row { SubjectId = 2, Species = "rat" }]);
        var sessions = await Schema.TableAsync<Session>();
        await sessions.InsertAsync(
        [
            new Session.Row { SubjectId = 1, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 1), NTrials = 40, NCorrect = 30 },
            new Session.Row { SubjectId = 1, SessionIdx = 2, SessionDate = new DateOnly(2025, 6, 2), NTrials = 50, NCorrect = 45 },
            new Session.Row { SubjectId = 2, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 3), NTrials = 0, NCorrect = 0 },
        ]);
        return sessions;
    }
}
