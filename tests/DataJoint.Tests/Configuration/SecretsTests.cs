using System.Diagnostics;
using System.Text.Json;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Configuration;

/// <summary>The password is write-only: never read back from the public Config, serialized, printed, logged or traced.</summary>
[Category("Unit")]
public sealed class SecretsTests
{
    private const string Secret = "s3cr3t-Pw-7f3a";

    private static Config WithPassword()
    {
        var c = new Config();
        c.Database.User = "alice";
        c.Database.Password = Secret;
        return c;
    }

    [Test]
    public void ThePasswordCannotBeReadFromThePublicConfig()
    {
        var c = WithPassword();
        var ex = Assert.Throws<InvalidOperationException>(() => _ = c["database.password"]);
        Assert.That(ex!.Message, Does.Not.Contain(Secret).And.Contain("write-only"));
        Assert.That(c.Database.HasPassword, Is.True);
        Assert.That(typeof(DatabaseSettings).GetProperty(nameof(DatabaseSettings.Password))!.GetGetMethod(nonPublic: false), Is.Null,
            "no public getter");
    }

    [Test]
    public void ThePasswordIsNeverSerializedOrPrinted()
    {
        var c = WithPassword();
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(c.Database), Does.Not.Contain(Secret).And.Contain("alice"));
            Assert.That(JsonSerializer.Serialize(c.Database, new JsonSerializerOptions { IncludeFields = true }), Does.Not.Contain(Secret));
            Assert.That(c.ToString(), Does.Not.Contain(Secret));
            Assert.That(c.Database.ToString(), Does.Not.Contain(Secret).And.Contain("password set"));
        });
    }

    [Test]
    public void OverridingThePasswordRestoresIt()
    {
        var c = WithPassword();
        using (c.Override("database.password", "temporary"))
        {
            Assert.That(c.Database.HasPassword);
        }

        Assert.That(c.Database.HasPassword);
    }
}

/// <summary>A refused password never reaches the exception, DataJoint's or the driver's logs, or any activity's tags.</summary>
public sealed class SecretsOnTheWireTests(Backend backend) : BackendTest(backend)
{
    private const string Secret = "Wr0ng-s3cr3t-Pw-91c2";

    [Test]
    public void ARefusedPasswordAppearsNowhere()
    {
        var log = new LogCapture();
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (tags) tags.AddRange(a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName));
            },
        };
        ActivitySource.AddActivityListener(listener);
        var config = new Config();
        config.Database.Backend = Backend;
        config.Database.Host = Server.Host;
        config.Database.Port = Server.Port;
        config.Database.User = Server.User;
        config.Database.Password = Secret;
        config.LogLevel = "DEBUG";
        using var instance = new Instance(config, log);
        var ex = Assert.Catch<DataJointException>(() => instance.Connection.Ping());
        var text = ex!.ToString();
        List<string> traced;
        lock (tags) traced = tags.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.InstanceOf<AccessException>());
            Assert.That(text, Does.Not.Contain(Secret), "the exception and its inner exceptions");
            Assert.That(log.Events.Select(e => e.Message), Has.None.Contains(Secret), "logs");
            Assert.That(traced, Has.None.Contains(Secret), "activity tags");
            Assert.That(instance.Connection.Description, Does.Not.Contain(Secret));
        });
    }
}
