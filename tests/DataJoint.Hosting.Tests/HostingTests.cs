using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataJoint.Hosting.Tests;

[Definition("""
    # a row written through a hosted instance
    note_id : int32
    ---
    text : varchar(64)
    """)]
public partial class Note : Manual;

/// <summary>
/// A host built with <c>AddDataJoint</c> from an in-memory configuration, against the real servers
/// (DJ_TEST_{MYSQL|POSTGRES}_{HOST,PORT,USER,PASSWORD}, defaults 127.0.0.1 and datajoint/datajoint as scripts/db-servers.sh).
/// </summary>
[TestFixture(Backend.MySql)]
[TestFixture(Backend.PostgreSql)]
[Category("Integration")]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class HostingTests(Backend backend)
{
    private string Prefix => backend == Backend.MySql ? "DJ_TEST_MYSQL" : "DJ_TEST_POSTGRES";

    private string Env(string name, string fallback) => Environment.GetEnvironmentVariable($"{Prefix}_{name}") ?? fallback;

    /// <summary>The "DataJoint" section for this backend's test server; <paramref name="extra"/> adds or replaces keys.</summary>
    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataJoint:database:backend"] = backend == Backend.MySql ? "mysql" : "postgresql",
            ["DataJoint:database:host"] = Env("HOST", "127.0.0.1"),
            ["DataJoint:database:port"] = Env("PORT", backend == Backend.MySql ? "3306" : "5432"),
            ["DataJoint:database:user"] = Env("USER", "datajoint"),
            ["DataJoint:database:password"] = Env("PASSWORD", "datajoint"),
            ["DataJoint:safemode"] = "false",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection> services, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        services(builder.Services);
        return builder.Build();
    }

    [Test]
    public async Task TheDefaultInstanceWorksAndIsDisposedWithTheHost()
    {
        Instance instance;
        using (var host = Build(Settings(), s => s.AddDataJoint()))
        {
            await host.StartAsync();
            instance = host.Services.GetRequiredService<Instance>();
            Assert.That(host.Services.GetRequiredService<Instance>(), Is.SameAs(instance), "one singleton");
            Assert.That(instance.Connection.Backend, Is.EqualTo(backend));
            Assert.That(instance.Config.SafeMode, Is.False, "safemode read from the section");

            var schema = instance.Schema($"djhost_{Guid.NewGuid():N}"[..24]);
            try
            {
                var notes = schema.Table<Note>();
                notes.Insert1(new Note.Row { NoteId = 1, Text = "hosted" });
                Assert.That(notes.Fetch().Single().Text, Is.EqualTo("hosted"));
            }
            finally
            {
                schema.Drop(prompt: false);
            }

            await host.StopAsync();
        }

        Assert.That(() => instance.Connection.Ping(), Throws.Exception, "the pool is closed with the host");
    }

    [Test]
    public async Task KeyedInstancesAreDistinctAndOverlayTheirOwnSection()
    {
        var settings = Settings(
            ("DataJoint:Instances:tenant-a:database:database_prefix", "tenant_a_"),
            ("DataJoint:Instances:tenant-b:database.database_prefix", "tenant_b_"),
            ("DataJoint:Instances:tenant-b:display:limit", "3"));
        using var host = Build(settings, s => s.AddDataJoint().AddDataJoint("tenant-a").AddDataJoint("tenant-b"));
        await host.StartAsync();

        var a = host.Services.GetRequiredKeyedService<Instance>("tenant-a");
        var b = host.Services.GetRequiredKeyedService<Instance>("tenant-b");
        var main = host.Services.GetRequiredService<Instance>();

        Assert.That(new[] { a, b, main }.Distinct().Count(), Is.EqualTo(3));
        Assert.That(a.Connection, Is.Not.SameAs(b.Connection));
        Assert.That(a.Config.Database.DatabasePrefix, Is.EqualTo("tenant_a_"));
        Assert.That(b.Config.Database.DatabasePrefix, Is.EqualTo("tenant_b_"));
        Assert.That(b.Config.Display.Limit, Is.EqualTo(3));
        Assert.That(main.Config.Database.DatabasePrefix, Is.Empty);
        Assert.That(a.Config.SafeMode, Is.False, "the shared section applies to named instances too");
        Assert.That(host.Services.GetRequiredKeyedService<Instance>("tenant-a"), Is.SameAs(a));
        await b.Connection.PingAsync();
    }

    [Test]
    public async Task OptionsSetInCodeApplyAfterTheSection()
    {
        using var host = Build(Settings(("DataJoint:display:limit", "5")), s => s.AddDataJoint(o =>
        {
            o.UseDataJointSources = false;
            o.Settings["display.limit"] = "9";
            o.Configure = c => c.Jobs.DefaultPriority = 3;
        }));
        await host.StartAsync();

        var config = host.Services.GetRequiredService<Instance>().Config;

        Assert.That(config.Display.Limit, Is.EqualTo(9));
        Assert.That(config.Jobs.DefaultPriority, Is.EqualTo(3));
        Assert.That(config.SafeMode, Is.False, "the rest of the section still applies");
    }

    [TestCase("DataJoint:database:port", "not-a-port", "DataJoint:database:port")]
    [TestCase("DataJoint:database:backend", "oracle", "DataJoint:database:backend")]
    [TestCase("DataJoint:database:hots", "typo", "database.hots")]
    [TestCase("DataJoint:database:user", "", "DataJoint:database:user")]
    public void ABadConfigurationStopsTheHostAtStartNamingTheKey(string key, string value, string named)
    {
        using var host = Build(Settings((key, value)), s => s.AddDataJoint());

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(ex!.Message, Does.Contain(named));
        Assert.That(ex.Message, Does.Not.Contain(Env("PASSWORD", "datajoint") + "'"), "no credential echoed");
    }

    [Test]
    public void ABadNamedInstanceNamesItsOwnKey()
    {
        using var host = Build(Settings(("DataJoint:Instances:tenant-a:jobs:stale_timeout", "soon")), s => s.AddDataJoint("tenant-a"));

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(ex!.Message, Does.Contain("DataJoint:Instances:tenant-a:jobs:stale_timeout").And.Contain("tenant-a"));
    }

    [Test]
    public async Task TheHealthCheckIsHealthyAndUnhealthyOnAWrongPort()
    {
        var settings = Settings(
            ("DataJoint:Instances:nowhere:database:port", "1"),
            ("DataJoint:Instances:nowhere:database:connect_timeout", "2"));
        using var host = Build(settings, s =>
        {
            s.AddDataJoint().AddDataJoint("nowhere");
            s.AddHealthChecks().AddDataJoint().AddDataJoint("nowhere");
        });
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.That(report.Entries["datajoint"].Status, Is.EqualTo(HealthStatus.Healthy), report.Entries["datajoint"].Description);
        Assert.That(report.Entries["datajoint"].Description, Does.Contain("answers"));
        var nowhere = report.Entries["datajoint-nowhere"];
        Assert.That(nowhere.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(nowhere.Description, Does.Contain("port 1").Or.Contain(":1"));
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    [Test]
    public async Task TheDriversLogToTheHostsLoggerFactory()
    {
        var logs = new CategoryRecorder();
        using var host = Build(Settings(), s => s.AddDataJoint(), logs);
        await host.StartAsync();

        var instance = host.Services.GetRequiredService<Instance>();
        await instance.Connection.PingAsync();

        var driver = backend == Backend.MySql ? "MySqlConnector" : "Npgsql";
        Assert.That(logs.Categories, Has.Some.StartsWith(driver), string.Join(", ", logs.Categories));
        Assert.That(instance.Connection.LoggerFactory, Is.SameAs(host.Services.GetRequiredService<ILoggerFactory>()));
    }

    /// <summary>Records the category of every logged event.</summary>
    private sealed class CategoryRecorder : ILoggerProvider
    {
        private readonly ConcurrentDictionary<string, bool> _categories = new();

        public IReadOnlyCollection<string> Categories => _categories.Keys.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CategoryRecorder recorder, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                recorder._categories.TryAdd(category, true);
        }
    }
}
