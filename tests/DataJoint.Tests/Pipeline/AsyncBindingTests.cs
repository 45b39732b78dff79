using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Pipeline;

/// <summary>The asynchronous way in (API §8): open, schema, tables; one code path with the synchronous forms, so the same tables result.</summary>
public sealed class AsyncBindingTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task OpenSchemaAndTableAsyncDeclareWhatTheSyncFormsDeclare()
    {
        await using var inst = await Instance.OpenAsync(Server.Host, Server.User, Server.Password, port: Server.Port, backend: Backend,
            configure: c => c.SafeMode = false, ct: CancellationToken.None);
        var asyncSchema = await inst.SchemaAsync(Schema.Name + "_a", CancellationToken.None);
        try
        {
            Assert.That(await asyncSchema.ExistsAsync(), Is.True);
            var stats = await asyncSchema.TableAsync<SessionStats>(CancellationToken.None);
            var stimuli = await asyncSchema.TableAsync<Stimulus>();
            Assert.That(await stimuli.CountAsync(), Is.EqualTo(2), "lookup contents inserted on the async path");
            Assert.That(await asyncSchema.TableAsync<SessionStats>(), Is.SameAs(stats), "one handle per class");

            var syncStats = Schema.Table<SessionStats>();
            Schema.Table<Stimulus>();
            var asyncColumns = Instance.FreeTable(stats.FullTableName).Heading.Attributes.Select(a => (a.Name, a.Type, a.InKey, a.Nullable));
            var syncColumns = Instance.FreeTable(syncStats.FullTableName).Heading.Attributes.Select(a => (a.Name, a.Type, a.InKey, a.Nullable));
            Assert.That(asyncColumns, Is.EqualTo(syncColumns));
            Assert.That(asyncSchema.ListTables(), Is.EquivalentTo(Schema.ListTables()));

            // Binding again from another instance validates the existing tables on the async path too.
            await using var other = await Instance.OpenAsync(Server.Host, Server.User, Server.Password, port: Server.Port, backend: Backend);
            var again = await (await other.SchemaAsync(asyncSchema.Name, createSchema: false)).TableAsync<SessionStats>(Validation.Strict);
            Assert.That(await again.CountAsync(), Is.Zero);
        }
        finally
        {
            await asyncSchema.DropAsync(prompt: false);
        }
    }

    [Test]
    public void AMissingSchemaIsRefusedWithoutCreatingIt()
    {
        var ex = Assert.ThrowsAsync<DataJointException>(() => Instance.SchemaAsync(Schema.Name + "_missing", createSchema: false));
        Assert.That(ex!.Message, Does.Contain("has not yet been declared").And.Contain("createSchema: true"));
        Assert.That(Instance.Schema(Schema.Name).Exists, Is.True);
    }
}
