namespace WebApi;

/// <summary>Builds the web application; <c>Program</c> runs it and the tests host it on a loopback port.</summary>
public static class SubjectsApi
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, TenantOptions>? tenants = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        tenants ??= builder.Configuration.GetSection("Tenants").Get<Dictionary<string, TenantOptions>>() ?? [];
        builder.Services.AddSingleton(new TenantInstances(tenants));
        var app = builder.Build();

        // The tenant comes from the route, or from the X-Tenant header for /subjects.
        app.MapGet("/tenants/{tenant}/subjects", (string tenant, TenantInstances instances) => Subjects(tenant, instances));
        app.MapGet("/subjects", (HttpRequest request, TenantInstances instances) =>
            Subjects(request.Headers["X-Tenant"].ToString(), instances));
        return app;
    }

    private static IResult Subjects(string tenant, TenantInstances instances)
    {
        if (!instances.Knows(tenant)) return Results.NotFound(new { error = $"Unknown tenant '{tenant}'." });
        var subjects = instances.SchemaFor(tenant).Table<Subject>();
        return Results.Ok(subjects.Fetch(orderBy: "subject_id"));
    }
}
