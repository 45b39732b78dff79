// Quickstart: a small pipeline — subjects and sessions entered by hand, trials imported per session, performance
// computed from them — on an embedded SQLite file by default, so nothing but the .NET SDK is needed:
//
//   dotnet run --project samples/Quickstart                 # SQLite file quickstart.db in the current folder
//   dotnet run --project samples/Quickstart -- memory       # SQLite in memory
//   dotnet run --project samples/Quickstart -- mysql        # or postgresql: the servers of scripts/db-servers.sh
//
// Server settings come from DJ_HOST, DJ_USER, DJ_PASS and DJ_PORT, defaulting to the local test servers.
using DataJoint;
using Quickstart;

var choice = (args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("DJ_BACKEND") ?? "sqlite").ToLowerInvariant();
await using var lab = choice switch
{
    "sqlite" => await Instance.OpenAsync(Backend.Sqlite, "quickstart.db"),
    "memory" => await Instance.OpenAsync(Backend.Sqlite, ":memory:"),
    "mysql" or "mariadb" => await OpenServer(Backend.MySql),
    "postgresql" or "postgres" => await OpenServer(Backend.PostgreSql),
    var other => throw new ArgumentException($"Unknown backend '{other}': use sqlite (default), memory, mysql or postgresql."),
};
lab.Config.SafeMode = false; // this instance only: the sample deletes and drops without asking
Console.WriteLine($"Connected to {lab.Connection.Description}");

var schema = lab.Schema("quickstart_" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var subjects = schema.Table<Subject>();
    var sessions = schema.Table<Session>();
    var recordings = schema.Table<Recording>();
    var trials = schema.Table<Recording.Trial>();
    var performance = schema.Table<Performance>();

    subjects.Insert(
    [
        new Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2025, 1, 15) },
        new Subject.Row { SubjectId = 2, Species = "mouse" },
        new Subject.Row { SubjectId = 3, Species = "rat" },
    ]);
    sessions.Insert(Enumerable.Range(1, 12).Select(i => new Session.Row
    {
        SubjectId = 1 + (i % 2 == 0 ? 0 : 2),
        SessionIdx = i,
        SessionDate = new DateOnly(2025, 6, 1).AddDays(i),
    }));

    // Populate: Make runs once per missing key, each key in its own transaction; progress is printed as it goes.
    var progress = new Progress<PopulateProgress>(p => Console.Write($"\r  {p.Table}: {p.Done}/{p.Total} ({p.Fraction:P0}) in {p.Elapsed.TotalSeconds:F1} s   "));
    var imported = await recordings.PopulateAsync(new PopulateOptions { Progress = progress });
    Console.WriteLine();
    var computed = await performance.PopulateAsync(new PopulateOptions { Progress = progress });
    Console.WriteLine();
    Console.WriteLine($"Imported {imported.SuccessCount} recordings ({trials.Count()} trials), computed {computed.SuccessCount} performances");

    // Queries: restrict, join, aggregate.
    foreach (var mouse in (subjects & new { species = "mouse" }).Fetch(orderBy: "subject_id"))
    {
        var n = (sessions & mouse.Key).Count();
        Console.WriteLine($"  mouse {mouse.SubjectId}: born {mouse.DateOfBirth?.ToString("yyyy-MM-dd") ?? "unknown"}, {n} session(s)");
    }

    var good = sessions * (performance & "hit_rate >= 0.7");
    Console.WriteLine($"Sessions with a hit rate of 70% or more: {good.Count()} of {sessions.Count()}");
    var perSubject = subjects.Aggr(performance, "n = count(session_idx)", "best = max(hit_rate)");
    foreach (var row in perSubject.ToDicts())
    {
        Console.WriteLine($"  subject {row["subject_id"]}: {row["n"]} session(s), best hit rate {row["best"] ?? "-"}");
    }

    Console.WriteLine($"Subjects without sessions: {string.Join(", ", (subjects - sessions).FetchKeys().Select(k => k.SubjectId))}");

    // A delete cascades: the subject's sessions, recordings, trials and performances go with it.
    var deleted = (subjects & new { subject_id = 3 }).Delete();
    Console.WriteLine($"Deleted subject 3 ({deleted} row) and everything downstream; {sessions.Count()} sessions, {trials.Count()} trials left");
}
finally
{
    schema.Drop(prompt: false);
}

Console.WriteLine("Done.");

static async Task<Instance> OpenServer(Backend backend)
{
    var host = Environment.GetEnvironmentVariable("DJ_HOST") ?? "127.0.0.1";
    var user = Environment.GetEnvironmentVariable("DJ_USER") ?? "datajoint";
    var password = Environment.GetEnvironmentVariable("DJ_PASS") ?? "datajoint";
    int? port = int.TryParse(Environment.GetEnvironmentVariable("DJ_PORT"), out var p) ? p : null;
    return await Instance.OpenAsync(host, user, password, port: port, backend: backend);
}
