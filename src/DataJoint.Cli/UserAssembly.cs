using System.CommandLine;
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

    /// <summary>The <c>--assembly</c> option of the commands that load table classes.</summary>
    public static Option<FileInfo> AssemblyOption() =>
        new("--assembly", "-a") { Description = "The built assembly holding the table classes (bin/Debug/net10.0/Lab.dll).", Required = true };

    /// <summary>The <c>--upstream schema=Namespace</c> option for parents in other schemas (<see cref="BindAsync"/>).</summary>
    public static Option<string[]> UpstreamOption() => new("--upstream")
    {
        Description = "schema=Namespace: the classes of that namespace are bound in that schema first, for parents in other schemas (repeatable).",
    };

    /// <summary>
    /// The class named by <paramref name="className"/> bound to the existing schema <paramref name="schemaName"/>, declaring
    /// its table (and its parents' in that schema) only when <paramref name="createTables"/>; the classes of each
    /// <c>--upstream schema=Namespace</c> are bound in that schema first, declaring nothing.
    /// </summary>
    /// <exception cref="CliException">No such schema or class, or a malformed <c>--upstream</c>.</exception>
    public async Task<UserTable> BindAsync(CommandScope scope, string schemaName, string className, string[] upstreamValues, Validation validation,
        bool createTables, CancellationToken cancellationToken)
    {
        var type = TableClass(className);
        var upstream = new List<Schema>();
        foreach (var (upstreamName, ns) in PairArguments.Parse(upstreamValues, "--upstream", "schema=Namespace"))
        {
            var upstreamSchema = await scope.SchemaAsync(upstreamName, cancellationToken).ConfigureAwait(false);
            foreach (var parentClass in TableClassesIn(ns)) await BindClassAsync(upstreamSchema, parentClass, Validation.Warn, cancellationToken).ConfigureAwait(false);
            upstream.Add(upstreamSchema);
        }

        _ = await scope.SchemaAsync(schemaName, cancellationToken).ConfigureAwait(false);
        var schema = await scope.Instance.SchemaAsync(schemaName, createSchema: false, createTables: createTables, upstream: upstream, ct: cancellationToken)
            .ConfigureAwait(false);
        return await BindClassAsync(schema, type, validation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>schema.TableAsync&lt;T&gt;(validation)</c> for a class known only at run time.</summary>
    private static async Task<UserTable> BindClassAsync(Schema schema, Type type, Validation validation, CancellationToken cancellationToken)
    {
        var bind = typeof(Schema).GetMethod(nameof(Schema.TableAsync), [typeof(Validation), typeof(CancellationToken)])!.MakeGenericMethod(type);
        try
        {
            var task = (Task)bind.Invoke(schema, [validation, cancellationToken])!;
            await task.ConfigureAwait(false);
            return (UserTable)task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
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
    private List<Type> TableClassesIn(string ns) => TableClasses().Where(t => !t.IsNested && t.Namespace == ns).ToList();

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
