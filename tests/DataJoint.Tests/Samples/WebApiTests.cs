using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataJoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WebApi;

namespace DataJoint.Tests.Samples;

/// <summary>The WebApi sample over real HTTP on loopback: one tenant per backend, each on its own Instance.</summary>
public sealed class WebApiTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task ServesEachTenantsSubjectsAsJson()
    {
        var subjects = Schema.Table<WebApi.Subject>();
        subjects.Insert([
            new WebApi.Subject.Row { SubjectId = 1, Species = "mouse", DateOfBirth = new DateOnly(2024, 5, 6) },
            new WebApi.Subject.Row { SubjectId = 2, Species = "rat" },
        ]);
        var empty = NewSchema();
        var tenants = new Dictionary<string, TenantOptions>
        {
            ["full"] = new() { Host = Server.Host, Port = Server.Port, User = Server.User, Password = Server.Password, Backend = Backend, Schema = Schema.Name },
            ["empty"] = new() { Host = Server.Host, Port = Server.Port, User = Server.User, Password = Server.Password, Backend = Backend, Schema = empty.Name },
        };

        await using var app = SubjectsApi.Build(["--urls", "http://127.0.0.1:0"], tenants);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetService(typeof(IServer)) is IServer server
                ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()
                : throw new InvalidOperationException("no server");
            using var http = new HttpClient { BaseAddress = new Uri(address) };

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
}
