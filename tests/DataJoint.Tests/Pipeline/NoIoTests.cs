using System.Reflection;
using DataJoint.Tests.Changes;
using DataJoint.Tests.Infrastructure;
using DataJoint.Tests.Populate;

namespace DataJoint.Tests.Pipeline;

/// <summary>
/// No constructor or property getter touches the database: handles are built against a server that does not exist, or
/// read after their connection pool is closed (where any statement fails), and every public getter is read.
/// </summary>
public sealed class NoIoTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void ConstructorsAndGettersSendNothingToAnUnreachableServer()
    {
        using var unreachable = new Instance("127.0.0.1", "nobody", "x", port: 1, backend: Backend, configure: c => c.Database.ConnectTimeout = 2);
        var free = new FreeTable(unreachable.Connection, "lab.subject");

        foreach (var handle in new object[] { unreachable, unreachable.Connection, free, free.Schema }) ReadEveryGetter(handle);
        var heading = Assert.Throws<InvalidOperationException>(() => _ = free.Heading);
        Assert.That(heading!.Message, Does.Contain("LoadHeading()").And.Contain("subject"));
        var exists = Assert.Throws<InvalidOperationException>(() => _ = free.Schema.Exists);
        Assert.That(exists!.Message, Does.Contain("ExistsAsync"));
        Assert.Throws<LostConnectionException>(() => free.LoadHeading(), "the explicit load is where the server is asked");
    }

    [Test]
    public void GettersOfBoundHandlesSendNothingOnceThePoolIsClosed()
    {
        var instance = NewInstance();
        var schema = instance.Schema(Schema.Name);
        var source = schema.Table<Source>();
        source.Insert1(new Source.Row { SourceId = 1, Value = 1 });
        var doubled = schema.Table<Doubled>();
        var recording = schema.Table<Recording>();
        var free = instance.FreeTable(source.FullTableName);
        var unloaded = new FreeTable(instance.Connection, source.FullTableName);
        instance.Dispose();
        Assert.That(() => source.Count(), Throws.Exception, "the closed pool refuses statements, so a getter that sent one would fail");

        var jobs = doubled.Jobs;
        foreach (var handle in new object[]
                 {
                     instance, instance.Connection, schema, source, source & new { source_id = 1 }, doubled, jobs, jobs.Pending, doubled.KeySource,
                     recording, free, free & new { source_id = 1 }, unloaded, unloaded.Schema,
                 })
        {
            ReadEveryGetter(handle);
        }

        Assert.Multiple(() =>
        {
            Assert.That(schema.Exists, Is.True, "what this schema object saw when it was opened");
            Assert.That(jobs.SqlTableName, Is.EqualTo("~~doubled"));
            Assert.That(jobs.Heading.PrimaryKey, Is.EqualTo(new[] { "source_id" }));
            Assert.That(free.Heading.Names, Is.EqualTo(new[] { "source_id", "value" }));
            Assert.That(unloaded.IsHeadingLoaded, Is.False);
        });
    }

    [Test]
    public void TheJobTableIsDeclaredByItsOperationsNotByTheProperty()
    {
        var doubled = Schema.Table<Doubled>();
        var jobs = doubled.Jobs;
        Assert.That(Declared(jobs), Is.False, "getting the handle declares nothing");
        Assert.That(jobs.Pending.Count(), Is.Zero, "a count of its status restriction declares it first");
        Assert.That(Declared(jobs), Is.True);
    }

    [Test]
    public async Task SchemaExistsIsWhatTheObjectLastSaw()
    {
        var other = Instance.Schema(Schema.Name);
        Assert.That(other.Exists, Is.True);
        Schema.Drop(prompt: false);
        Assert.Multiple(() =>
        {
            Assert.That(Schema.Exists, Is.False, "dropped through this object");
            Assert.That(other.Exists, Is.True, "not asked again");
        });
        Assert.That(await other.ExistsAsync(), Is.False);
        Assert.That(other.Exists, Is.False, "refreshed by ExistsAsync");
    }

    private bool Declared(JobTable jobs) => Instance.Connection.Query(
        TableExistsSql, Schema.Name, jobs.SqlTableName).Count > 0;

    /// <summary>Reads every public instance property; only the documented "not loaded yet" <see cref="InvalidOperationException"/> is allowed.</summary>
    private static void ReadEveryGetter(object handle)
    {
        var properties = handle.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0);
        foreach (var property in properties)
        {
            try
            {
                _ = property.GetValue(handle);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is InvalidOperationException and not ObjectDisposedException)
            {
                Assert.That(ex.InnerException.Message, Does.Contain("call"), $"{handle.GetType().Name}.{property.Name} says what to call");
            }
            catch (TargetInvocationException ex)
            {
                Assert.Fail($"{handle.GetType().Name}.{property.Name} threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
            }
        }
    }
}
