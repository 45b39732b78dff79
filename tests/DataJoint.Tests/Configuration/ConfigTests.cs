namespace DataJoint.Tests.Configuration;

[Category("Unit")]
public sealed class ConfigTests
{
    [Test]
    public void DefaultsFollowDataJoint()
    {
        var c = new Config();
        Assert.Multiple(() =>
        {
            Assert.That(c.Database.Host, Is.EqualTo("localhost"));
            Assert.That(c.Database.Backend, Is.EqualTo(Backend.MySql));
            Assert.That(c.Database.EffectivePort, Is.EqualTo(3306));
            Assert.That(c.SafeMode, Is.True);
            Assert.That(c.LogLevel, Is.EqualTo("INFO"));
            Assert.That(c.Display.Limit, Is.EqualTo(12));
            Assert.That(c.Display.Width, Is.EqualTo(14));
            Assert.That(c.Jobs.DefaultPriority, Is.EqualTo(5));
            Assert.That(c.Jobs.StaleTimeout, Is.EqualTo(3600));
            Assert.That(c.Jobs.AutoRefresh, Is.True);
        });
        c.Database.Backend = Backend.PostgreSql;
        Assert.That(c.Database.EffectivePort, Is.EqualTo(5432));
    }

    [Test]
    public void DottedAndDoubleUnderscoreKeysAddressTypedProperties()
    {
        var c = new Config();
        c["database.port"] = 3307;
        c["display__limit"] = 5;
        c.Set("safemode", false);
        c["database.backend"] = "postgresql";
        Assert.Multiple(() =>
        {
            Assert.That(c.Database.Port, Is.EqualTo(3307));
            Assert.That(c.Display.Limit, Is.EqualTo(5));
            Assert.That(c.SafeMode, Is.False);
            Assert.That(c["safemode"], Is.EqualTo(false));
            Assert.That(c.Database.Backend, Is.EqualTo(Backend.PostgreSql));
            Assert.That(Config.Keys, Does.Contain("jobs.keep_completed"));
        });
    }

    [Test]
    public void UnknownKeysAndWrongTypesAreRejectedNamingTheKey()
    {
        var c = new Config();
        var unknown = Assert.Throws<ArgumentException>(() => c["database.hots"] = "x");
        Assert.That(unknown!.Message, Does.Contain("database.hots"));
        var wrongType = Assert.Throws<ArgumentException>(() => c.Set("safemode", "no"));
        Assert.That(wrongType!.Message, Does.Contain("safemode").And.Contain("Boolean"));
        Assert.Throws<ArgumentException>(() => c.Set("database.port", 70000));
        Assert.Throws<ArgumentException>(() => c.Set("jobs.default_priority", 300));
        Assert.Throws<ArgumentException>(() => c.Set("database.backend", "oracle"));
        Assert.That(c.SafeMode, Is.True, "nothing was half-applied");
    }

    [Test]
    public void OverrideRestoresOnDispose()
    {
        var c = new Config();
        using (c.Override(new Dictionary<string, object?> { ["safemode"] = false, ["display__limit"] = 3 }))
        {
            Assert.That(c.SafeMode, Is.False);
            Assert.That(c.Display.Limit, Is.EqualTo(3));
        }

        Assert.That(c.SafeMode, Is.True);
        Assert.That(c.Display.Limit, Is.EqualTo(12));
        Assert.Throws<ArgumentException>(() => c.Override(new Dictionary<string, object?> { ["safemode"] = false, ["nope"] = 1 }));
        Assert.That(c.SafeMode, Is.True, "a failed override restores what it had applied");
    }

    [Test]
    public void StoresAcceptNestedSpecs()
    {
        var c = new Config();
        c.Set("stores.raw.protocol", "file");
        c.Set("stores.raw.location", "/data/raw");
        c.Set("stores.default", "raw");
        Assert.That(c.Stores["raw"], Is.EquivalentTo(new Dictionary<string, object?> { ["protocol"] = "file", ["location"] = "/data/raw" }));
        Assert.That(c.Stores["default"], Is.EqualTo("raw"));
    }

    [Test]
    public void PasswordsNeverAppearInText()
    {
        var c = new Config();
        c.Database.User = "alice";
        c.Database.Password = "s3cr3t-pw";
        Assert.That(c.ToString(), Does.Not.Contain("s3cr3t-pw").And.Contain("alice"));
        Assert.That(c.Database.ToString(), Does.Not.Contain("s3cr3t-pw"));
    }
}
