using DataJoint;
using DataJointApp;

// Usage: dotnet run [-- <schema name> [--drop]]
var schemaName = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "datajoint_demo";
var drop = args.Contains("--drop");

// Ctrl+C cancels the operation under way; every async call takes the token last.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;

// The connection settings come from datajoint.json (in the working folder or above it), .secrets/ beside it, and the
// environment variables DJ_HOST, DJ_USER, DJ_PASS, DJ_PORT and DJ_BACKEND (mysql or postgresql), the later ones winning.
var config = Config.Load();
config.SafeMode = !drop; // --drop drops without asking
await using var lab = new Instance(config);
await lab.Connection.PingAsync(ct);
Console.WriteLine($"Connected to {lab.Connection.Description}");

// Opening a schema creates it when missing; binding a table declares it (and its parents) when missing.
var schema = await lab.SchemaAsync(schemaName, ct);
var subjects = await schema.TableAsync<Subject>(ct);
var sessions = await schema.TableAsync<Session>(ct);
var scores = await schema.TableAsync<SessionScore>(ct);

// Manual tables are filled by hand; running the program again skips the rows that exist.
await subjects.InsertAsync(
[
    new Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2025, 1, 15) },
    new Subject.Row { SubjectId = 2, Species = "rat" },
], skipDuplicates: true, cancellationToken: ct);
await sessions.InsertAsync(
[
    new Session.Row { SubjectId = 1, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 1), NTrials = 40, NCorrect = 30 },
    new Session.Row { SubjectId = 1, SessionIdx = 2, SessionDate = new DateOnly(2025, 6, 2), NTrials = 50, NCorrect = 45 },
    new Session.Row { SubjectId = 2, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 3), NTrials = 0, NCorrect = 0 },
], skipDuplicates: true, cancellationToken: ct);

// Populate runs SessionScore's MakeAsync for every session without a score; a second run finds nothing to do.
var populated = await scores.PopulateAsync(ct);
Console.WriteLine($"Populated {populated.SuccessCount} session score(s)");

foreach (var subject in await subjects.FetchAsync(orderBy: "subject_id", cancellationToken: ct))
{
    // Restricting by a Row's Key keeps the rows of that subject; the result is still typed.
    foreach (var score in await (scores & subject.Key).FetchAsync(orderBy: "session_idx", cancellationToken: ct))
    {
        var accuracy = score.Accuracy is { } a ? $"{a * 100:0}% correct" : "no trials";
        Console.WriteLine($"{subject.Species} {subject.SubjectId}, session {score.SessionIdx}: {accuracy}");
    }
}

Console.WriteLine($"{await subjects.CountAsync(ct)} subjects, {await sessions.CountAsync(ct)} sessions, "
    + $"{await scores.CountAsync(ct)} scores in '{schemaName}'");

if (drop)
{
    await schema.DropAsync(prompt: false, ct);
    Console.WriteLine($"Dropped '{schemaName}'");
}
