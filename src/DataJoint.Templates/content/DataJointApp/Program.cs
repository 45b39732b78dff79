using DataJoint;
using DataJointApp;

// Usage: dotnet run [-- <schema name> [--drop]]
var schemaName = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "datajoint_demo";
var drop = args.Contains("--drop");

// The connection settings come from datajoint.json (in this folder or above it), .secrets/, and the environment
// variables DJ_HOST, DJ_USER, DJ_PASS, DJ_PORT and DJ_BACKEND (mysql or postgresql), the later ones winning.
var settings = Config.Load().Database;
await using var lab = await Instance.OpenAsync(settings.Host, settings.User ?? "datajoint", settings.Password ?? "",
    settings.Port, backend: settings.Backend);
Console.WriteLine($"Connected to {lab.Connection.Description}");

// Opening a schema creates it when missing; binding a table declares it when missing.
var schema = await lab.SchemaAsync(schemaName);
var subjects = await schema.TableAsync<Subject>();
var sessions = await schema.TableAsync<Session>();

await subjects.InsertAsync(
[
    new Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2025, 1, 15) },
    new Subject.Row { SubjectId = 2, Species = "rat" },
], skipDuplicates: true);
await sessions.InsertAsync(
[
    new Session.Row { SubjectId = 1, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 1) },
    new Session.Row { SubjectId = 1, SessionIdx = 2, SessionDate = new DateOnly(2025, 6, 2), Notes = "second day" },
    new Session.Row { SubjectId = 2, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 3) },
], skipDuplicates: true);

foreach (var subject in await subjects.FetchAsync(orderBy: "subject_id"))
{
    // Restricting by a Row's Key keeps the sessions of that subject; the result is still typed.
    var ofSubject = await (sessions & subject.Key).FetchAsync(orderBy: "session_idx");
    Console.WriteLine($"{subject.Species} {subject.SubjectId}: {ofSubject.Count} session(s), "
        + $"first on {ofSubject[0].SessionDate:yyyy-MM-dd}");
}

var mice = await (subjects & new { species = "mouse" }).CountAsync();
Console.WriteLine($"{await subjects.CountAsync()} subjects ({mice} mouse), {await sessions.CountAsync()} sessions in '{schemaName}'");

if (drop)
{
    await schema.DropAsync(prompt: false);
    Console.WriteLine($"Dropped '{schemaName}'");
}
