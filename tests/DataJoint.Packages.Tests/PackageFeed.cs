using System.IO.Compression;
using System.Text.RegularExpressions;

namespace DataJoint.Packages.Tests;

/// <summary>
/// One `dotnet pack` of the solution per test run into a temporary folder feed, and a fresh NuGet packages folder, so
/// that consumers restore DataJoint* from that folder only and never from the machine's cache (a package of the same
/// version from an earlier run would otherwise be taken as it is).
/// </summary>
internal sealed partial class PackageFeed : IDisposable
{
    public static readonly string[] PackageIds = ["DataJoint", "DataJoint.Console", "DataJoint.Hosting", "DataJoint.Analysis"];

    private PackageFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>Holds feed/, packages/ (the fresh NUGET_PACKAGES) and one folder per consumer.</summary>
    public string Root { get; }

    public string Folder => Path.Combine(Root, "feed");

    public string PackagesFolder => Path.Combine(Root, "packages");

    /// <summary>The version MinVer gave the packages (from git; 0.0.0-alpha.0.N without a tag).</summary>
    public string Version { get; }

    public static string RepositoryRoot { get; } = FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory())
        ?? throw new DirectoryNotFoundException("DataJoint.sln not found above the test directory or this source file.");

    /// <summary>The environment every consumer command runs with.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        // The consumers are strangers' projects: nothing of this repository's build applies to them.
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
    };

    /// <summary>
    /// The environment for local-tool commands: <see cref="Environment"/> with a DOTNET_CLI_HOME of the feed's own. The SDK
    /// caches where a local tool's package lies (toolResolverCache, keyed by id and version) under DOTNET_CLI_HOME; an
    /// earlier run that packed the same version into another, since deleted, folder would otherwise be found first.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ToolEnvironment => new Dictionary<string, string?>(Environment)
    {
        ["DOTNET_CLI_HOME"] = Directory.CreateDirectory(Path.Combine(Root, "cli-home")).FullName,
    };

    public static PackageFeed Create()
    {
        var root = Directory.CreateTempSubdirectory("dj-packages-").FullName;
        var feed = Path.Combine(root, "feed");
        var (exitCode, output) = Dotnet.Run(RepositoryRoot, $"pack DataJoint.sln -c Release -nologo -v quiet -o \"{feed}\"",
            new Dictionary<string, string?>(), TimeSpan.FromMinutes(8));
        if (exitCode != 0) throw new InvalidOperationException($"dotnet pack of the solution failed:\n{output}");
        var main = Directory.GetFiles(feed, "DataJoint.*.nupkg").Select(Path.GetFileName)
            .Select(name => PackageVersion().Match(name!)).FirstOrDefault(m => m.Success)
            ?? throw new InvalidOperationException($"No DataJoint package in {feed}:\n{output}");
        return new PackageFeed(root, main.Groups[1].Value);
    }

    /// <summary>The file names inside a package of the feed.</summary>
    public IReadOnlyList<string> Entries(string packageId, string extension = "nupkg")
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Folder, $"{packageId}.{Version}.{extension}"));
        return zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The text of one file inside a package of the feed.</summary>
    public string Read(string packageId, string entry)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Folder, $"{packageId}.{Version}.nupkg"));
        using var reader = new StreamReader((zip.GetEntry(entry) ?? throw new FileNotFoundException($"{entry} is not in {packageId}")).Open());
        return reader.ReadToEnd();
    }

    /// <summary>The package's .nuspec text.</summary>
    public string Nuspec(string packageId)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Folder, $"{packageId}.{Version}.nupkg"));
        using var reader = new StreamReader(zip.GetEntry($"{packageId}.nuspec")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A new consumer folder with a nuget.config that takes DataJoint* from the feed alone (package source mapping) and
    /// everything else from the sources the machine already has.
    /// </summary>
    public string NewConsumer(string name)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        var machineSources = MachineSourceNames(directory);
        var others = string.Concat(machineSources.Select(source => $"""
                <packageSource key="{source}">
                  <package pattern="*" />
                </packageSource>

            """));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="datajoint-local" value="{Folder}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="datajoint-local">
                  <package pattern="DataJoint" />
                  <package pattern="DataJoint.*" />
                </packageSource>
            {others}  </packageSourceMapping>
            </configuration>
            """);
        return directory;
    }

    /// <summary>The names of the package sources configured on this machine (user and machine nuget.config files).</summary>
    private IReadOnlyList<string> MachineSourceNames(string directory)
    {
        var (exitCode, output) = Dotnet.Run(directory, "nuget list source", Environment, TimeSpan.FromMinutes(1));
        if (exitCode != 0) throw new InvalidOperationException($"dotnet nuget list source failed:\n{output}");
        return SourceLine().Matches(output).Select(m => m.Groups[1].Value).Where(n => n != "datajoint-local").ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temporary directory.
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataJoint.sln"))) return dir.FullName;
        }

        return null;
    }

    [GeneratedRegex(@"^DataJoint\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\.nupkg$")]
    private static partial Regex PackageVersion();

    [GeneratedRegex(@"^\s*\d+\.\s+(\S.*?)\s+\[Enabled\]\s*$", RegexOptions.Multiline)]
    private static partial Regex SourceLine();
}
