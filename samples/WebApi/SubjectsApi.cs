using DataJoint;
using DataJoint.Hosting;

namespace WebApi;

/// <summary>Builds the web application; <c>Program</c> runs it and the tests host it on a loopback port.</summary>
public static class SubjectsApi
{
    /// <summary>
    /// One DataJoint instance per tenant: the tenants are the children of the <c>Tenants</c> section (each naming its
    /// schema), their connection settings the <c>DataJoint</c> section overlaid with <c>DataJoint:Instances:&lt;tenant&gt;</c>.
    /// </summary>
    /// <param name="args">Command-line arguments (they override the configuration files).</param>
    /// <param name="settings">Extra configuration applied last (the tests point the tenants at their own schemas).</param>
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        var schemaByTenant = builder.Configuration.GetSection("Tenants").GetChildren()
            .ToDictionary(t => t.Key, t => t["Schema"] ?? throw new InvalidOperationException($"Tenants:{t.Key}:Schema is not set."), StringComparer.Ordinal);
        var health = builder.Services.AddHealthChecks();
        foreach (var tenant in schemaByTenant.Keys)
        {
            builder.Services.AddDataJoint(tenant);
            health.AddDataJoint(instanceName: tenant);
        }

        builder.Services.AddSingleton(provider => new TenantTables(provider, schemaByTenant));
        var app = builder.Build();

        // The tenant comes from the route, or from the X-Tenant header for /subjects.
        app.MapGet("/tenants/{tenant}/subjects", (string tenant, TenantTables tables, CancellationToken ct) => ListAsync(tenant, tables, ct));
        app.MapGet("/subjects", (HttpRequest request, TenantTables tables, CancellationToken ct) =>
            ListAsync(request.Headers["X-Tenant"].ToString(), tables, ct));
        app.MapPost("/tenants/{tenant}/subjects", (string tenant, Subject.Row subject, TenantTables tables, CancellationToken ct) =>
            AddAsync(tenant, subject, tables, ct));
        app.MapHealthChecks("/health");
        return app;
    }

    private static async Task<IResult> ListAsync(string tenant, TenantTables tables, CancellationToken ct)
    {
        if (!tables.Knows(tenant)) return UnknownTenant(tenant);
        var subjects = await tables.SubjectsAsync(tenant);
        return Results.Ok(await subjects.FetchAsync(orderBy: "subject_id", cancellationToken: ct));
    }

    private static async Task<IResult> AddAsync(string tenant, Subject.Row subject, TenantTables tables, CancellationToken ct)
    {
        if (!tables.Knows(tenant)) return UnknownTenant(tenant);
        var subjects = await tables.SubjectsAsync(tenant);
        try
        {
            await subjects.Insert1Async(subject, cancellationToken: ct);
        }
        catch (DuplicateKeyException ex)
        {
            return Results.Conflict(new { error = ex.Message });
        }

        return Results.Created($"/tenants/{tenant}/subjects/{subject.SubjectId}", subject);
    }

    private static IResult UnknownTenant(string tenant) => Results.NotFound(new { error = $"Unknown tenant '{tenant}'." });
}
