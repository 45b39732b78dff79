namespace DataJoint.Packages.Tests;

/// <summary>The source of the consumer projects: what a stranger writes after <c>dotnet add package DataJoint</c>.</summary>
internal static class Consumers
{
    public static string ProjectFile(string sdk, string targetFramework, string version, string packages, string extraProperties = "") => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>{targetFramework}</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            {string.Concat(packages.Split(',').Select(p => $"<PackageReference Include=\"{p}\" Version=\"{version}\" />"))}
          </ItemGroup>
        </Project>
        """;

    /// <summary>A Manual table and a Computed one made from it.</summary>
    public const string Tables = """"
        using DataJoint;

        namespace Lab;

        [Definition("""
            # a subject
            subject_id : int32
            ---
            species : varchar(32)
            """)]
        public partial class Subject : Manual;

        [Definition("""
            # the length of the species' name, made by populate
            -> Subject
            ---
            name_length : int32
            """)]
        public partial class SpeciesLength : Computed
        {
            void Make(Key key)
            {
                var subject = (Schema.Table<Subject>() & key).Fetch1();
                Insert1(new Row { SubjectId = key.SubjectId, NameLength = subject.Species.Length });
            }
        }
        """";

    /// <summary>Connects to the test server of the backend named by the first argument, populates, prints, drops.</summary>
    public static string Program(bool progressBar) => $$""""
        using DataJoint;
        using Lab;

        var backend = args[0] == "postgresql" ? Backend.PostgreSql : Backend.MySql;
        var prefix = backend == Backend.MySql ? "DJ_TEST_MYSQL" : "DJ_TEST_POSTGRES";
        string Env(string name, string fallback) => Environment.GetEnvironmentVariable($"{prefix}_{name}") ?? fallback;

        await using var lab = new Instance(Env("HOST", "127.0.0.1"), Env("USER", "datajoint"), Env("PASSWORD", "datajoint"),
            port: int.Parse(Env("PORT", backend == Backend.MySql ? "3306" : "5432")), backend: backend, configure: c => c.SafeMode = false);
        var schema = lab.Schema($"djpkg_{Guid.NewGuid():N}"[..20]);
        try
        {
            schema.Table<Subject>().Insert(new[] { new Subject.Row { SubjectId = 1, Species = "mouse" }, new Subject.Row { SubjectId = 2, Species = "rat" } });
            var lengths = schema.Table<SpeciesLength>();
            var result = {{(progressBar ? "lengths.PopulateWithProgressBar()" : "await lengths.PopulateAsync()")}};
            Console.WriteLine($"populated {result.SuccessCount} keys on {lab.Connection.Backend}, total {lengths.Fetch().Sum(r => r.NameLength)}");
        }
        finally
        {
            schema.Drop(prompt: false);
        }
        """";

    /// <summary>A definition error and, with DataJointThreadSafe, a use of the global connection.</summary>
    public const string Broken = """"
        using DataJoint;

        Console.WriteLine(Dj.Conn().Description);

        [Definition("""
            subject_id : int33
            """)]
        public partial class Subject : Manual;
        """";

    /// <summary>
    /// A web app on DataJoint.Hosting alone (DataJoint, with its generator, comes as a dependency) that asks its own
    /// health endpoint (settings from environment variables).
    /// </summary>
    public const string HostedApp = """
        using DataJoint;
        using DataJoint.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDataJoint();
        builder.Services.AddHealthChecks().AddDataJoint();
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapGet("/server", (Instance lab) => lab.Connection.Description);
        app.MapGet("/table", () => Lab.Subject.TableName);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Console.WriteLine("health: " + await http.GetStringAsync("/health"));
        Console.WriteLine("server: " + await http.GetStringAsync("/server"));
        Console.WriteLine("table: " + await http.GetStringAsync("/table"));
        await app.StopAsync();
        """;
}
