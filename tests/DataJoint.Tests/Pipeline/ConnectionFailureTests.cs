using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Pipeline;

public sealed class ConnectionFailureTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void WrongPasswordIsAnAccessErrorNamingTheServer()
    {
        var ex = Assert.Throws<AccessException>(() => Instance.Open(Server.Host, Server.User, "not-the-password", port: Server.Port, backend: Backend));
        Assert.That(ex!.Message, Does.Contain(Server.Host).And.Contain(Server.Port.ToString()).And.Contain(Backend.ToString()));
        Assert.That(ex.Message, Does.Not.Contain("not-the-password"));
    }

    [Test]
    public void UnreachableServerFailsFastNamingHostAndPort()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.ThrowsAsync<LostConnectionException>(() => Instance.OpenAsync("127.0.0.1", "nobody", "x", port: 1, backend: Backend,
            configure: c => c.Database.ConnectTimeout = 3));
        Assert.That(ex!.Message, Does.Contain("127.0.0.1:1").And.Contain(Backend.ToString()));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public async Task ConstructingAnInstanceSendsNothingTheFirstOperationReportsTheServer()
    {
        // No I/O in constructors: an instance for a server that does not exist is created, and fails where it is used.
        await using var unreachable = new Instance("127.0.0.1", "nobody", "x", port: 1, backend: Backend, configure: c => c.Database.ConnectTimeout = 3);
        var ex = Assert.ThrowsAsync<LostConnectionException>(() => unreachable.SchemaAsync("anything", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("127.0.0.1:1"));
        _ = new FreeTable(unreachable.Connection, "anything.table");
        Assert.ThrowsAsync<LostConnectionException>(() => unreachable.FreeTableAsync("anything.table"), "the factory reads the heading");
        await using var refused = new Instance(Server.Host, Server.User, "wrong", port: Server.Port, backend: Backend);
        Assert.Throws<AccessException>(() => refused.Schema("anything"));
    }

    [Test]
    public void UnknownBackendIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Instance(Server.Host, Server.User, Server.Password, backend: (Backend)42));
        Assert.That(ex!.Message, Does.Contain("Unknown backend"));
    }
}
