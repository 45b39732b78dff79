using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>A DataJoint-Python worker and a .NET worker populate one table at the same time through its job table.</summary>
public sealed class SharedWorkersTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task EveryKeyIsMadeExactlyOnceByOneOfTheTwoWorkers()
    {
        var upName = NewSchemaName("wkup");
        var mainName = NewSchemaName("wkmain");
        var up = Instance.Schema(upName);
        up.Table<Lab>();
        var main = Instance.Schema(mainName, upstream: [up]);
        for (var s = 1; s <= 8; s++) ExpectedValues.InsertSubject(main, s, "alpha", [1, 2, 3, 4, 5]);
        var work = main.Table<Work>();
        // Declared before the Python worker starts: two sessions creating one table at once race on PostgreSQL's catalog.
        await work.Jobs.DeclareAsync();
        TestContext.Out.WriteLine($"made before python: {work.Count()}, sessions {main.Table<Session>().Count()}");

        using var python = await PythonPeer.StartAsync(Server, "worker.py", upName, mainName, "0.04");
        var stderr = python.StandardError.ReadToEndAsync();
        // DataJoint-Python logs to stdout too: wait for the worker's own line, then populate beside it.
        string? line;
        while ((line = await python.StandardOutput.ReadLineAsync()) is not null && line != "ready") TestContext.Out.WriteLine(line);
        if (line is null) Assert.Fail($"The Python worker stopped before populating: {await stderr}");
        var rest = python.StandardOutput.ReadToEndAsync();
        var ours = await work.PopulateAsync(new PopulateOptions { ReserveJobs = true });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await python.WaitForExitAsync(timeout.Token);
        Assert.That(python.ExitCode, Is.Zero, $"{await rest}\n{await stderr}");

        var byWorker = work.Fetch().GroupBy(r => r.Worker).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine(string.Join(", ", byWorker.Select(p => $"{p.Key}: {p.Value}")));
        Assert.That(work.Count(), Is.EqualTo(40), "every session made");
        Assert.That(byWorker.GetValueOrDefault("dotnet"), Is.EqualTo(ours.SuccessCount), "each .NET make is one row");
        Assert.That(ours.Errors, Is.Empty, "no key was made twice (a second make would fail on the primary key)");
        Assert.That(byWorker.Keys, Is.EquivalentTo(new[] { "dotnet", "python" }), "both workers took part");
        Assert.That(work.Jobs.Errors.Count(), Is.Zero);
        Assert.That(work.Jobs.Reserved.Count(), Is.Zero);
    }
}
