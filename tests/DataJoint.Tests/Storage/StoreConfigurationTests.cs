namespace DataJoint.Tests.Storage;

/// <summary>The <c>stores</c> setting read as DataJoint's get_store_spec reads it: defaults, default stores, validation.</summary>
public sealed class StoreConfigurationTests
{
    private static Config WithStores(string json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dj-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "datajoint.json"), "{\"stores\": " + json + "}");
            return new ConfigLoader(_ => null, folder, Path.Combine(folder, "no-secrets")).Load();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ConfigurationException Refused(Config config, string? store = null, bool filepath = false)
    {
        using var stores = new Stores(config);
        return Assert.Throws<ConfigurationException>(() => stores.Spec(store, filepath))!;
    }

    [Test]
    public void DefaultsAreAppliedAsDataJointDoes()
    {
        using var stores = new Stores(WithStores("""{"default": "raw", "raw": {"protocol": "FILE", "location": "/data"}}"""));
        var spec = stores.Spec(null);
        Assert.Multiple(() =>
        {
            Assert.That(spec.Name, Is.EqualTo("raw"));
            Assert.That(spec.Protocol, Is.EqualTo("file"));
            Assert.That(spec.Location, Is.EqualTo("/data"));
            Assert.That(spec.Subfolding, Is.Null);
            Assert.That(spec.TokenLength, Is.EqualTo(8));
            Assert.That(spec.HashPrefix, Is.EqualTo("_hash"));
            Assert.That(spec.SchemaPrefix, Is.EqualTo("_schema"));
            Assert.That(spec.FilepathPrefix, Is.Null);
            Assert.That(spec.PartitionPattern, Is.Null);
            Assert.That(spec.Values.Keys, Is.EquivalentTo(new[]
            {
                "protocol", "location", "subfolding", "partition_pattern", "token_length", "hash_prefix", "schema_prefix", "filepath_prefix",
            }));
        });
    }

    [Test]
    public void S3StoresAreSecureByDefault()
    {
        using var stores = new Stores(WithStores("""
            {"cold": {"protocol": "s3", "endpoint": "s3.example.org:9000", "bucket": "b", "access_key": "a", "secret_key": "s",
                      "location": "lab", "subfolding": [2, 2], "token_length": 12}}
            """));
        var spec = stores.Spec("cold");
        Assert.That(spec.GetBool("secure"), Is.True);
        Assert.That(spec.Subfolding, Is.EqualTo(new[] { 2, 2 }));
        Assert.That(spec.TokenLength, Is.EqualTo(12));
        Assert.That(S3ObjectStore.EndpointUrl(spec).ToString(), Is.EqualTo("https://s3.example.org:9000/"));
        Assert.That(spec.ToString(), Does.Not.Contain("s3.example.org:9000").And.Not.Contain("\"s\""));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void AnEmptyStoreNameMeansTheDefaultStore(string? name)
    {
        var config = new Config();
        config.Set("stores.default", "raw");
        config.Set("stores.filepath_default", "files");
        config.Set("stores.raw.protocol", "file");
        config.Set("stores.raw.location", "/raw");
        config.Set("stores.files.protocol", "file");
        config.Set("stores.files.location", "/files");
        using var stores = new Stores(config);
        Assert.That(stores.Spec(name).Name, Is.EqualTo("raw"));
        Assert.That(stores.Spec(name, useFilepathDefault: true).Name, Is.EqualTo("files"));
        Assert.That(stores.Spec("files").Name, Is.EqualTo("files"));
        Assert.That(Stores.NormalizeName(name), Is.Null);
        Assert.That(stores.Hash(name).DeclaredStore, Is.Null);
    }

    [Test]
    public void SecretsAndEnvironmentTextAreAccepted()
    {
        var config = new Config();
        config.SetText("stores.cold.protocol", "s3", "test");
        foreach (var (key, value) in new[] { ("endpoint", "127.0.0.1:9000"), ("bucket", "b"), ("access_key", "a"), ("secret_key", "s"), ("location", "") })
        {
            config.SetText("stores.cold." + key, value, "test");
        }

        config.SetText("stores.cold.secure", "false", "test");
        config.SetText("stores.cold.subfolding", "[3]", "test");
        using var stores = new Stores(config);
        var spec = stores.Spec("cold");
        Assert.That(spec.GetBool("secure"), Is.False);
        Assert.That(spec.Subfolding, Is.EqualTo(new[] { 3 }));
        Assert.That(S3ObjectStore.EndpointUrl(spec).ToString(), Is.EqualTo("http://127.0.0.1:9000/"));
    }

    [Test]
    public void MissingDefaultsAndStoresAreNamed()
    {
        var config = WithStores("""{"raw": {"protocol": "file", "location": "/raw"}}""");
        Assert.That(Refused(config).Message, Does.Contain("stores.default is not configured"));
        Assert.That(Refused(config, filepath: true).Message, Does.Contain("stores.filepath_default is not configured"));
        Assert.That(Refused(config, "cold").Message, Does.Contain("'cold'").And.Contain("configured: raw"));
        Assert.That(Refused(WithStores("""{"default": 3}""")).Message, Does.Contain("stores.default must be a store's name"));
        Assert.That(Refused(config, "default").Message, Does.Contain("not a store"));
    }

    [Test]
    public void BadStoreSettingsAreNamedWithStoreAndKey()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "ftp", "location": "/x"}}"""), "raw").Message,
                Does.Contain("Unknown protocol \"ftp\" in stores[\"raw\"]"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "gcs", "bucket": "b", "location": "x"}}"""), "raw").Message,
                Does.Contain("\"gcs\" is not available in DataJoint for .NET"));
            Assert.That(Refused(WithStores("""{"raw": {"location": "/x"}}"""), "raw").Message,
                Does.Contain("stores[\"raw\"] is missing: protocol"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "s3", "endpoint": "e", "location": "x"}}"""), "raw").Message,
                Does.Contain("stores[\"raw\"] is missing: bucket, access_key, secret_key"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "file", "location": "/x", "secure": true}}"""), "raw").Message,
                Does.Contain("Invalid key(s) in stores[\"raw\"]: secure"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "file", "location": "/x", "hash_prefix": "data", "filepath_prefix": "data/files"}}"""), "raw").Message,
                Does.Contain("hash_prefix=\"data\" and filepath_prefix=\"data/files\" overlap"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "file", "location": "/x", "subfolding": [2, 0]}}"""), "raw").Message,
                Does.Contain("stores[\"raw\"].subfolding must be a list of positive integers"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "file", "location": "/x", "token_length": "many"}}"""), "raw").Message,
                Does.Contain("stores[\"raw\"].token_length must be an integer"));
            Assert.That(Refused(WithStores("""{"raw": {"protocol": "file", "location": ""}}"""), "raw").Message,
                Does.Contain("stores[\"raw\"].location is missing or empty"));
            Assert.That(Refused(WithStores("""{"raw": "file:///x"}"""), "raw").Message,
                Does.Contain("stores[\"raw\"] must be an object of store settings"));
        });
    }

    [Test]
    public void ARegisteredProtocolIsUsed()
    {
        var config = WithStores("""{"mem": {"protocol": "mem", "location": "x", "color": "blue"}}""");
        using var stores = new Stores(config);
        stores.Protocols.Register(new FolderProtocol());
        Assert.That(stores.Spec("mem").GetString("color"), Is.EqualTo("blue"));
        Assert.That(stores["mem"], Is.InstanceOf<FileObjectStore>());
        var first = stores["mem"];
        Assert.That(stores["mem"], Is.SameAs(first), "opened once while the settings stay the same");
    }

    private sealed class FolderProtocol : StorageProtocol
    {
        public override string Name => "mem";

        public override IReadOnlyCollection<string> RequiredKeys { get; } = ["location"];

        public override IReadOnlyCollection<string> AllowedKeys { get; } = ["color"];

        public override ObjectStore Open(StoreSpec spec) => new FileObjectStore(spec);
    }
}
