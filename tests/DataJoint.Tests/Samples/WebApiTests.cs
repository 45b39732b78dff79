using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataJoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WebApi;

namespace DataJoint.Tests.Samples;

/// <summary>
/// The WebApi sample over real HTTP on loopback: two tenants on this fixture's backend, each its own keyed Instance
/// registered by DataJoint.Hosting from configuration.
/// </summary>
public sealed class WebApiTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task ServesEachTenantsSubjectsAsJson()
    {
        var subjects = await Schema.TableAsync<WebApi.Subject>();
        await subjects.InsertAsync([
            new WebApi.Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2024, 5, 6) },
            new WebApi.Subject.Row { SubjectId = 2, Species = "rat" },
        ]);
        var empty = NewSchema();

        await using var app = SubjectsApi.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", TestContext.CurrentContext.WorkDirectory], Settings(
            ("full", Schema.Name), ("empty", empty.Name)));
        await app.StartAsync();
        try
        {
            using var http = Client(app);

            var rows = await http.GetFromJsonAsync<JsonElement[]>("/tenants/full/subjects");
            Assert.That(rows!.Select(r => r.GetProperty("subjectId").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(rows![0].GetProperty("species").GetString(), Is.EqualTo("mouse"));
            Assert.That(rows![0].GetProperty("dateOfBirth").GetString(), Is.EqualTo("2024-05-06"));

            using var request = new HttpRequestMessage(HttpMethod.Get, "/subjects");
            request.Headers.Add("X-Tenant", "empty");
            using var response = await http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadFromJsonAsync<JsonElement[]>(), Is.Empty);

            using var unknown = await http.GetAsync("/tenants/nobody/subjects");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

            var parallel = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                http.GetFromJsonAsync<JsonElement[]>(i % 2 == 0 ? "/tenants/full/subjects" : "/tenants/empty/subjects")));
            Assert.That(parallel.Select(p => p!.Length), Is.EqualTo(Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 2 : 0)));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Test]
    public async Task AddsSubjectsPerTenantAndAnswersItsHealthCheck()
    {
        var other = NewSchema();
        await using var app = SubjectsApi.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", TestContext.CurrentContext.WorkDirectory], Settings(
            ("a", Schema.Name), ("b", other.Name)));
        await app.StartAsync();
        try
        {
            using var http = Client(app);
            using var created = await http.PostAsJsonAsync("/tenants/a/subjects", new { subjectId = 7, species = "zebrafish" });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            using var again = await http.PostAsJsonAsync("/tenants/a/subjects", new { subjectId = 7, species = "zebrafish" });
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

            // The row went to tenant a's schema only.
            var a = await (await Schema.TableAsync<WebApi.Subject>()).FetchAsync();
            Assert.That(a.Select(r => (r.SubjectId, r.Species)), Is.EqualTo(new[] { (7, "zebrafish") }));
            Assert.That(await http.GetFromJsonAsync<JsonElement[]>("/tenants/b/subjects"), Is.Empty);

            using var health = await http.GetAsync("/health");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Test]
    public async Task AnUnreachableTenantMakesTheHealthCheckUnhealthy()
    {
        var settings = Settings(("up", Schema.Name), ("down", "webapi_down")).ToList();
        settings.Add(new("DataJoint:Instances:down:database:port", "1"));
        await using var app = SubjectsApi.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", TestContext.CurrentContext.WorkDirectory], settings);
        await app.StartAsync();
        try
        {
            using var http = Client(app);
            using var health = await http.GetAsync("/health");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await http.GetFromJsonAsync<JsonElement[]>("/tenants/up/subjects"), Is.Empty);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The tenants (name, schema), all on this fixture's server; the content root has no appsettings.json.</summary>
    private IEnumerable<KeyValuePair<string, string?>> Settings(params (string Tenant, string Schema)[] tenants)
    {
        yield return new("DataJoint:database:host", Server.Host);
        yield return new("DataJoint:database:port", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("DataJoint:database:user", Server.User);
        yield return new("DataJoint:database:password", Server.Password);
        yield return new("DataJoint:database:backend", Backend == Backend.MySql ? "mysql" : "postgresql");
        foreach (var (tenant, schema) in tenants) yield return new($"Tenants:{tenant}:Schema", schema);
    }

    private static HttpClient Client(WebApplication app)
    {
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            : throw new InvalidOperationException("no server");
        return new HttpClient { BaseAddress = new Uri(address) };
    }
}
