using DataJoint;

namespace DataJointApp.Tests;

/// <summary>
/// The per-test instance pattern: every test gets its own <see cref="Instance"/> (own settings, own connection pool)
/// and its own schema with a unique name, dropped after the test, so tests run in parallel and leave nothing behind.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public abstract class PipelineTest
{
    private Instance? _lab;
    private Schema? _schema;

    /// <summary>The test's own instance.</summary>
    protected Instance Lab => _lab ?? throw new InvalidOperationException("The instance is opened in [SetUp].");

    /// <summary>The test's own schema, dropped after the test.</summary>
    protected Schema Schema => _schema ?? throw new InvalidOperationException("The schema is created in [SetUp].");

    [SetUp]
    public async Task OpenSchemaAsync()
    {
        // The app's settings: datajoint.json (found upward from the test's output folder), then the DJ_* variables.
        var config = Config.Load();
        config.SafeMode = false; // the teardown drops without asking
        _lab = new Instance(config);
        try
        {
            await _lab.Connection.PingAsync();
        }
        catch (DataJointException ex)
        {
            await _lab.DisposeAsync();
            Assert.Fail($"{ex.Message}\nPoint the tests at a server with DJ_HOST, DJ_USER, DJ_PASS, DJ_PORT and DJ_BACKEND "
                + "(mysql or postgresql), or in datajoint.json.");
        }

        _schema = await _lab.SchemaAsync($"test_{Guid.NewGuid():N}"[..24]);
    }

    [TearDown]
    public async Task DropSchemaAsync()
    {
        if (_schema is not null) await _schema.DropAsync(prompt: false);
        if (_lab is not null) await _lab.DisposeAsync();
    }
}
