namespace DataJoint.Tests.Configuration;

/// <summary>Sources and precedence (docs/semantics.md#configuration-sources), with a fake environment and a temporary directory tree.</summary>
[Category("Unit")]
public sealed class ConfigLoaderTests
{
    private string _root = null!;
    private Dictionary<string, string> _environment = null!;

    [SetUp]
    public void CreateTree()
    {
        _root = Directory.CreateTempSubdirectory("dj-config-").FullName;
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Directory.CreateDirectory(Path.Combine(_root, "project", "sub"));
        _environment = new Dictionary<string, string>();
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(_root, recursive: true);

    private Config Load(string? from = null) =>
        new ConfigLoader(v => _environment.GetValueOrDefault(v), from ?? Path.Combine(_root, "project", "sub"), Path.Combine(_root, "no-secrets")).Load();

    private void WriteConfig(string json, string folder = "project") => File.WriteAllText(Path.Combine(_root, folder, "datajoint.json"), json);

    [Test]
    public void TheConfigFileIsFoundUpwardAndAcceptsNestedAndDottedKeys()
    {
        WriteConfig("""{ "database": { "host": "db.lab", "port": 3310 }, "display.limit": 7, "safemode": false }""");
        var c = Load();
        Assert.Multiple(() =>
        {
            Assert.That(c.Database.Host, Is.EqualTo("db.lab"));
            Assert.That(c.Database.Port, Is.EqualTo(3310));
            Assert.That(c.Display.Limit, Is.EqualTo(7));
            Assert.That(c.SafeMode, Is.False);
            Assert.That(c.SourceFile, Is.EqualTo(Path.Combine(_root, "project", "datajoint.json")));
        });
    }

    [Test]
    public void TheSearchStopsAtTheRepositoryRoot()
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_root)!, "datajoint.json.never-read"), "{}");
        Assert.That(Load().SourceFile, Is.Null);
    }

    [Test]
    public void EnvironmentBeatsFileBeatsSecrets()
    {
        WriteConfig("""{ "database.host": "from-file", "database.user": "file-user" }""");
        var secrets = Directory.CreateDirectory(Path.Combine(_root, "project", ".secrets")).FullName;
        File.WriteAllText(Path.Combine(secrets, "database.user"), "secret-user\n");
        File.WriteAllText(Path.Combine(secrets, "database.password"), "secret-pass\n");
        _environment["DJ_HOST"] = "from-env";
        var c = Load();
        Assert.Multiple(() =>
        {
            Assert.That(c.Database.Host, Is.EqualTo("from-env"));
            Assert.That(c.Database.User, Is.EqualTo("file-user"));
            Assert.That(c.Database.Password, Is.EqualTo("secret-pass"));
        });
    }

    [Test]
    public void EnvironmentVariablesSetTypedValues()
    {
        _environment["DJ_PORT"] = "5433";
        _environment["DJ_BACKEND"] = "postgresql";
        _environment["DJ_USER"] = "bob";
        _environment["DJ_PASS"] = "pw";
        _environment["DJ_USE_TLS"] = "false";
        _environment["DJ_STORES"] = """{ "raw": { "protocol": "file", "location": "/tmp" } }""";
        var c = Load();
        Assert.Multiple(() =>
        {
            Assert.That(c.Database.Port, Is.EqualTo(5433));
            Assert.That(c.Database.Backend, Is.EqualTo(Backend.PostgreSql));
            Assert.That(c.Database.User, Is.EqualTo("bob"));
            Assert.That(c.Database.UseTls, Is.False);
            Assert.That(c.Stores.Keys, Is.EqualTo(new[] { "raw" }));
        });
    }

    [Test]
    public void IgnoreConfigFileSkipsFileAndSecrets()
    {
        WriteConfig("""{ "database.host": "from-file" }""");
        _environment["DJ_IGNORE_CONFIG_FILE"] = "TRUE";
        Assert.That(Load().Database.Host, Is.EqualTo("localhost"));
    }

    [Test]
    public void BadSourcesNameTheSourceButNeverAPassword()
    {
        _environment["DJ_PORT"] = "33o6";
        var port = Assert.Throws<ConfigurationException>(() => Load());
        Assert.That(port!.Message, Does.Contain("DJ_PORT").And.Contain("database.port"));

        _environment.Clear();
        WriteConfig("{ \"database\": { \"host\": ");
        var json = Assert.Throws<ConfigurationException>(() => Load());
        Assert.That(json!.Message, Does.Contain(Path.Combine(_root, "project", "datajoint.json")));

        WriteConfig("""{ "databse": { "host": "x" } }""");
        var unknown = Assert.Throws<ConfigurationException>(() => Load());
        Assert.That(unknown!.Message, Does.Contain("databse.host"));

        WriteConfig("""{ "safemode": "maybe" }""");
        Assert.Throws<ConfigurationException>(() => Load());

        File.Delete(Path.Combine(_root, "project", "datajoint.json"));
        _environment["DJ_PASS"] = "super-secret";
        _environment["DJ_PORT"] = "x";
        var ex = Assert.Throws<ConfigurationException>(() => Load());
        Assert.That(ex!.Message, Does.Not.Contain("super-secret"));
    }

    [Test]
    public void DataJointPythonsFullTemplateLoadsThoughThisPortHasNoCharsetQueryCacheOrDownloadPath()
    {
        WriteConfig("""
            { "database": { "host": "localhost", "port": 3306, "reconnect": true, "use_tls": null },
              "connection": { "charset": "" }, "display": { "limit": 12, "width": 14, "show_tuple_count": true },
              "loglevel": "INFO", "safemode": true, "query_cache": null, "download_path": "." }
            """);
        var c = Load();
        Assert.That(c.Display.Limit, Is.EqualTo(12));
        Assert.That(Config.Keys, Has.None.AnyOf("connection.charset", "query_cache", "download_path", "display.diagram_direction"));
        Assert.Throws<ArgumentException>(() => _ = c["query_cache"]);
    }

    [TestCase("""{ "connection": { "charset": "latin1" } }""", "connection.charset")]
    [TestCase("""{ "query_cache": "/tmp/cache" }""", "query_cache")]
    [TestCase("""{ "download_path": "/data" }""", "download_path")]
    [TestCase("""{ "display": { "diagram_direction": "TB" } }""", "display.diagram_direction")]
    [TestCase("""{ "loglevel": "CHATTY" }""", "loglevel")]
    public void ASettingThatWouldDoNothingIsRefused(string json, string key)
    {
        WriteConfig(json);
        var ex = Assert.Throws<ConfigurationException>(() => Load());
        Assert.That(ex!.Message, Does.Contain(key).Or.Contain("loglevel must be"));
    }
}
