using DataJoint.Tests.Infrastructure;

[assembly: NUnit.Framework.LevelOfParallelism(2)]

namespace DataJoint.Interop.Tests.Infrastructure;

/// <summary>
/// Base of the interoperability tests: once per backend, a fresh .NET <see cref="Instance"/> and schema names that
/// DataJoint-Python and .NET share, dropped afterwards (downstream schema first).
/// </summary>
[TestFixture(Backend.MySql)]
[TestFixture(Backend.PostgreSql)]
[Category("Integration")]
[Category("Interop")]
[Parallelizable(ParallelScope.Fixtures)]
public abstract class InteropTest(Backend backend)
{
    private readonly List<string> _schemaNames = [];

    protected Backend Backend { get; } = backend;

    protected TestServer Server { get; private set; } = null!;

    protected Instance Instance { get; private set; } = null!;

    [SetUp]
    public async Task ConnectAsync()
    {
        Server = await TestServer.RequireAsync(Backend);

        await PythonPeer.RequireAsync();
        Instance = NewInstance();
    }

    [TearDown]
    public void DropSchemas()
    {
        // Downstream schemas were named last; drop them first so cross-schema foreign keys never block a drop.
        for (var i = _schemaNames.Count - 1; i >= 0; i--)
        {
            try
            {
                Instance.Schema(_schemaNames[i], createSchema: false, createTables: false).Drop(prompt: false);
            }
            catch (DataJointException ex)
            {
                TestContext.Out.WriteLine($"Could not drop {_schemaNames[i]}: {ex.Message}");
            }
        }

        _schemaNames.Clear();
        Instance?.Dispose();
    }

    protected Instance NewInstance() => Server.NewInstance(configure: c => c.SafeMode = false);

    /// <summary>A unique schema name, dropped after the test (in reverse order of naming).</summary>
    protected string NewSchemaName(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..20];
        _schemaNames.Add(name);
        return name;
    }

    /// <summary>Runs a script of python/ against this backend's server.</summary>
    protected Task<System.Text.Json.Nodes.JsonNode?> PythonAsync(string script, params string[] args) => PythonPeer.RunAsync(Server, script, args);
}
