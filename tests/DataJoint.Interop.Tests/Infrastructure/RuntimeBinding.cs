using System.Collections;
using System.Reflection;

namespace DataJoint.Tests.Infrastructure;

/// <summary>Binding and reading table classes known only at run time (compiled in the test by <see cref="GeneratorCompiler"/>).</summary>
public static class RuntimeBinding
{
    /// <summary><c>schema.Table&lt;T&gt;()</c> for a class known only at run time.</summary>
    public static Table Bind(Schema schema, Type type) =>
        (Table)typeof(Schema).GetMethod(nameof(Schema.Table), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(schema, null)!;

    /// <summary>The class scaffolded into <paramref name="ns"/> for <paramref name="table"/> (a part nested in its master).</summary>
    public static Type ClassOf(Assembly assembly, string ns, FreeTable table) =>
        assembly.GetType(ns + "." + table.ClassName.Replace('.', '+'), throwOnError: true)!;

    /// <summary>Every row of the class's table, fetched as its generated <c>Row</c> type.</summary>
    public static List<object> FetchTyped(Schema schema, Type type)
    {
        var table = Bind(schema, type);
        var fetch = table.GetType().GetMethods().Where(m => m.Name == "Fetch" && m.GetParameters().All(p => p.IsOptional))
            .OrderBy(m => m.GetParameters().Length).First();
        var rows = (IEnumerable)fetch.Invoke(table, fetch.GetParameters().Select(_ => Type.Missing).ToArray())!;
        return rows.Cast<object>().ToList();
    }

    /// <summary>A property of a row known only at run time.</summary>
    public static object? Property(object row, string name) => row.GetType().GetProperty(name)!.GetValue(row);
}
