using System.Reflection;
using System.Runtime.Loader;

namespace DataJoint.Cli;

/// <summary>
/// A user's compiled table classes (a project's build output), loaded beside the tool: DataJoint and the assemblies the tool
/// ships come from the tool, so the classes derive from the very <see cref="UserTable"/> the tool binds; everything else
/// resolves through the assembly's own <c>.deps.json</c>.
/// </summary>
internal sealed class UserAssembly : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    private UserAssembly(string path) : base("dotnet-dj user assembly")
    {
        _resolver = new AssemblyDependencyResolver(path);
        Assembly = LoadFromAssemblyPath(path);
    }

    public Assembly Assembly { get; }

    /// <exception cref="CliException">The file is missing or is not a .NET assembly.</exception>
    public static UserAssembly Load(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"No assembly at {file.FullName}: build the project that holds the table classes and pass its output (bin/Debug/net10.0/Lab.dll).",
                ExitCodes.NotFound);
        }

        try
        {
            return new UserAssembly(file.FullName);
        }
        catch (BadImageFormatException ex)
        {
            throw new CliException($"{file.FullName} is not a .NET assembly ({ex.Message}).", ExitCodes.Usage);
        }
    }

    /// <summary>The table class named (full name, or the name after its namespace; <c>Session.Trial</c> for a nested part).</summary>
    /// <exception cref="CliException">No class, or several, have that name.</exception>
    public Type TableClass(string name)
    {
        var tables = TableClasses().ToList();
        var matches = tables.Where(t => DisplayName(t) == name || DisplayName(t).EndsWith("." + name, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException($"{Assembly.GetName().Name} has no table class named {name}; it has: "
                + (tables.Count == 0 ? "none" : string.Join(", ", tables.Select(DisplayName).Order(StringComparer.Ordinal))) + ".", ExitCodes.NotFound),
            _ => throw new CliException($"Several table classes of {Assembly.GetName().Name} are named {name}: "
                + string.Join(", ", matches.Select(DisplayName)) + ". Write the full name.", ExitCodes.Usage),
        };
    }

    /// <summary>The table classes declared directly in <paramref name="ns"/> (parts are bound with their masters).</summary>
    public IReadOnlyList<Type> TableClassesIn(string ns) => TableClasses().Where(t => !t.IsNested && t.Namespace == ns).ToList();

    private IEnumerable<Type> TableClasses()
    {
        Type?[] types;
        try
        {
            types = Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types;
        }

        return types.OfType<Type>().Where(t => t.IsClass && !t.IsAbstract && typeof(UserTable).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
    }

    private static string DisplayName(Type type) => type.FullName!.Replace('+', '.');

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll"))) return null;
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
