// Quickstart: a small subject → session → trial pipeline on MySQL/MariaDB or PostgreSQL.
// Connection settings come from DJ_HOST, DJ_USER, DJ_PASS, DJ_PORT and DJ_BACKEND (mysql|postgresql),
// defaulting to the local test servers that scripts/db-servers.sh starts.
using DataJoint;
using Quickstart;

var backend = (args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("DJ_BACKEND") ?? "mysql").ToLowerInvariant() switch
{
    "mysql" or "mariadb" => Backend.MySql,
    "postgresql" or "postgres" => Backend.PostgreSql,
    var other => throw new ArgumentException($"Unknown backend '{other}': use mysql or postgresql."),
};
var host = Environment.GetEnvironmentVariable("DJ_HOST") ?? "127.0.0.1";
var user = Environment.GetEnvironmentVariable("DJ_USER") ?? "datajoint";
var password = Environment.GetEnvironmentVariable("DJ_PASS") ?? "datajoint";
int? port = int.TryParse(Environment.GetEnvironmentVariable("DJ_PORT"), out var p) ? p : null;

await using var lab = new Instance(host, user, password, port: port, backend: backend);
lab.Config.SafeMode = false; // this instance only: the sample drops its schema without asking
Console.WriteLine($"Connected to {lab.Connection.Description}");

var schema = lab.Schema("quickstart_" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var subjects = schema.Table<Subject>();
    var sessions = schema.Table<Session>();
    var trials = schema.Table<Session.Trial>();

    subjects.Insert(
    [
        new Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2025, 1, 15) },
        new Subject.Row { SubjectId = 2, Species = "mouse" },
        new Subject.Row { SubjectId = 3, Species = "rat" },
    ]);
    sessions.Insert(
    [
        new Session.Row { SubjectId = 1, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 1) },
        new Session.Row { SubjectId = 1, SessionIdx = 2, SessionDate = new DateOnly(2025, 6, 2) },
        new Session.Row { SubjectId = 3, SessionIdx = 1, SessionDate = new DateOnly(2025, 6, 3) },
    ]);
    var random = new Random(7);
    await trials.InsertAsync(sessions.FetchKeys().SelectMany(s => Enumerable.Range(1, 20).Select(i => new Session.Trial.Row
    {
        SubjectId = s.SubjectId,
        SessionIdx = s.SessionIdx,
        TrialIdx = i,
        Outcome = random.NextDouble() < 0.7 ? "hit" : "miss",
        ReactionMs = 150 + (random.NextDouble() * 200),
    })));

    Console.WriteLine($"{subjects.Count()} subjects, {sessions.Count()} sessions, {trials.Count()} trials");
    foreach (var mouse in (subjects & new { species = "mouse" }).Fetch(orderBy: "subject_id"))
    {
        var n = (sessions & mouse.Key).Count();
        Console.WriteLine($"  mouse {mouse.SubjectId}: born {mouse.DateOfBirth?.ToString("yyyy-MM-dd") ?? "unknown"}, {n} session(s)");
    }

    foreach (var session in sessions.Fetch(orderBy: "subject_id, session_idx"))
    {
        var sessionTrials = trials & session.Key;
        var hits = (sessionTrials & new { outcome = "hit" }).Fetch();
        Console.WriteLine($"  session {session.SubjectId}/{session.SessionIdx} on {session.SessionDate:yyyy-MM-dd}: "
            + $"{hits.Count}/{sessionTrials.Count()} hits, mean reaction of hits {hits.Average(t => t.ReactionMs ?? 0):F0} ms");
    }

    var withoutSessions = subjects - sessions;
    Console.WriteLine($"Subjects without sessions: {string.Join(", ", withoutSessions.FetchKeys().Select(k => k.SubjectId))}");
}
finally
{
    schema.Drop(prompt: false);
}

Console.WriteLine("Done.");
