using System.Collections;
using System.Globalization;
using DataJoint.Tests.Changes;
using DataJoint.Tests.Infrastructure;
using DataJoint.Tests.Populate;
using Pairing = DataJoint.Tests.Changes.Pairing;

namespace DataJoint.Tests.Pipeline;

/// <summary>
/// Every sync/async twin gives the same result and leaves the database in the same state: two schemas are filled
/// identically, the sync form runs on one and the async form on the other, and the results and every table are compared.
/// </summary>
public sealed class SyncAsyncParityTests(Backend backend) : BackendTest(backend)
{
    public sealed record AnimalRecord(string Lab, int Animal);

    public sealed record Twin(string Name, Func<Schema, object?> Sync, Func<Schema, Task<object?>> Async)
    {
        public override string ToString() => Name;
    }

    private static readonly object Animal1 = new { lab = "a", animal = 1 };
    private static readonly object Recording1 = new { lab = "a", animal = 1, recording = 1 };

    private static T T<T>(Schema schema) where T : UserTable, new() => schema.Table<T>();

    public static IEnumerable<TestCaseData> Twins() => new Twin[]
    {
        new("Count", s => T<Animal>(s).Count(), async s => await T<Animal>(s).CountAsync()),
        new("Exists", s => (T<Animal>(s) & Animal1).Exists(), async s => await (T<Animal>(s) & Animal1).ExistsAsync()),
        new("ToDicts", s => T<Animal>(s).ToDicts(orderBy: "KEY"), async s => await T<Animal>(s).ToDictsAsync(orderBy: "KEY")),
        new("Keys", s => T<Recording>(s).Keys(orderBy: "KEY", limit: 3), async s => await T<Recording>(s).KeysAsync(orderBy: "KEY", limit: 3)),
        new("Column", s => T<Animal>(s).Column<int>("animal", orderBy: "KEY"), async s => await T<Animal>(s).ColumnAsync<int>("animal", orderBy: "KEY")),
        new("Fetch<T>", s => T<Animal>(s).Fetch<AnimalRecord>(orderBy: "KEY"), async s => await T<Animal>(s).FetchAsync<AnimalRecord>(orderBy: "KEY")),
        new("Fetch1<TRecord>", s => (T<Animal>(s) & Animal1).Fetch1<AnimalRecord>(), async s => await (T<Animal>(s) & Animal1).Fetch1Async<AnimalRecord>()),
        new("Fetch1 dictionary", s => ((QueryExpression)(T<Animal>(s) & Animal1)).Fetch1(),
            async s => await ((QueryExpression)(T<Animal>(s) & Animal1)).Fetch1Async()),
        new("Fetch1<T>(a)", s => (T<Animal>(s) & Animal1).Fetch1<int>("animal"), async s => await (T<Animal>(s) & Animal1).Fetch1Async<int>("animal")),
        new("Fetch1<T1, T2>", s => (T<Animal>(s) & Animal1).Fetch1<string, int>("lab", "animal"),
            async s => await (T<Animal>(s) & Animal1).Fetch1Async<string, int>("lab", "animal")),
        new("Fetch1<T1, T2, T3>", s => (T<Recording>(s) & Recording1).Fetch1<string, int, int>("lab", "animal", "recording"),
            async s => await (T<Recording>(s) & Recording1).Fetch1Async<string, int, int>("lab", "animal", "recording")),
        new("generated Fetch", s => T<Recording>(s).Fetch("KEY"), async s => await T<Recording>(s).FetchAsync("KEY")),
        new("generated Fetch1", s => (T<Recording>(s) & Recording1).Fetch1(), async s => await (T<Recording>(s) & Recording1).Fetch1Async()),
        new("generated FetchKeys", s => T<Recording>(s).FetchKeys("KEY", limit: 5), async s => await T<Recording>(s).FetchKeysAsync("KEY", limit: 5)),
        new("ListTables", s => s.ListTables(), async s => await s.ListTablesAsync()),
        new("Parents", s => T<Spike>(s).Parents(), async s => await T<Spike>(s).ParentsAsync()),
        new("Children", s => T<Animal>(s).Children(primary: true), async s => await T<Animal>(s).ChildrenAsync(primary: true)),
        new("Ancestors", s => T<Spike>(s).Ancestors(), async s => await T<Spike>(s).AncestorsAsync()),
        new("Descendants", s => T<Lab>(s).Descendants(), async s => await T<Lab>(s).DescendantsAsync()),
        new("Parts", s => T<Recording>(s).Parts(), async s => await T<Recording>(s).PartsAsync()),
        new("ParentForeignKeys", s => T<Pairing>(s).ParentForeignKeys().Select(Describe),
            async s => (await T<Pairing>(s).ParentForeignKeysAsync()).Select(Describe)),
        new("ChildForeignKeys", s => T<Animal>(s).ChildForeignKeys().Select(Describe), async s => (await T<Animal>(s).ChildForeignKeysAsync()).Select(Describe)),
        new("FreeTable.Open", s => FreeTable.Open(s.Connection, T<Animal>(s).FullTableName).ToDicts(orderBy: "KEY"),
            async s => await (await FreeTable.OpenAsync(s.Connection, T<Animal>(s).FullTableName)).ToDictsAsync(orderBy: "KEY")),
        new("unloaded FreeTable count", s => new FreeTable(s.Connection, T<Spike>(s).FullTableName).Count(),
            async s => await new FreeTable(s.Connection, T<Spike>(s).FullTableName).CountAsync()),
        new("Schema.CheckExists", s => s.CheckExists(), async s => await s.ExistsAsync()),
        new("Insert", s => Done(() => T<Source>(s).Insert([new Source.Row { SourceId = 9, Value = 9 }])),
            async s => await Done(() => T<Source>(s).InsertAsync([new Source.Row { SourceId = 9, Value = 9 }]))),
        new("Update1", s => Done(() => T<Source>(s).Update1(new { source_id = 2, value = 20 })),
            async s => await Done(() => T<Source>(s).Update1Async(new { source_id = 2, value = 20 }))),
        new("Delete", s => (T<Animal>(s) & Animal1).Delete(prompt: false), async s => await (T<Animal>(s) & Animal1).DeleteAsync(prompt: false)),
        new("Delete cascading to masters", s => (T<Recording.Channel>(s) & new { channel = 2 }).Delete(false, PartIntegrity.Cascade),
            async s => await (T<Recording.Channel>(s) & new { channel = 2 }).DeleteAsync(false, PartIntegrity.Cascade)),
        new("DeleteQuick", s => (T<Spike>(s) & new { spike = 1 }).DeleteQuick(), async s => await (T<Spike>(s) & new { spike = 1 }).DeleteQuickAsync()),
        new("Drop", s => T<Recording>(s).Drop(prompt: false), async s => await T<Recording>(s).DropAsync(prompt: false)),
        new("Progress", s => T<Doubled>(s).Progress(new { source_id = 1 }),
            async s => await T<Doubled>(s).ProgressAsync([new { source_id = 1 }], CancellationToken.None)),
        new("Populate", s => T<Doubled>(s).Populate().SuccessCount, async s => (await T<Doubled>(s).PopulateAsync(CancellationToken.None)).SuccessCount),
        new("Populate with jobs", s => T<Doubled>(s).Populate(new PopulateOptions { ReserveJobs = true }, new { source_id = 2 }).SuccessCount,
            async s => (await T<Doubled>(s).PopulateAsync(new PopulateOptions { ReserveJobs = true }, [new { source_id = 2 }], CancellationToken.None))
                .SuccessCount),
        new("Jobs.Refresh", s => T<Doubled>(s).Jobs.Refresh(), async s => await T<Doubled>(s).Jobs.RefreshAsync(CancellationToken.None)),
        new("Jobs.Progress", s => T<Doubled>(s).Jobs.Progress(), async s => await T<Doubled>(s).Jobs.ProgressAsync()),
        new("Jobs.Drop", s => Done(() => T<Doubled>(s).Jobs.Drop()), async s => await Done(() => T<Doubled>(s).Jobs.DropAsync())),
    }.Select(twin => new TestCaseData(twin).SetArgDisplayNames(twin.Name));

    [TestCaseSource(nameof(Twins))]
    public async Task BothFormsAgree(Twin twin)
    {
        var forSync = Filled(NewSchema());
        var forAsync = Filled(NewSchema());

        var syncResult = Render(twin.Sync(forSync), forSync);
        var asyncResult = Render(await twin.Async(forAsync), forAsync);

        Assert.That(asyncResult, Is.EqualTo(syncResult), "the result");
        Assert.That(Dump(forAsync), Is.EqualTo(Dump(forSync)), "the tables afterwards");
    }

    private static Schema Filled(Schema schema)
    {
        CascadeTables.Fill(schema);
        schema.Table<Pairing>();
        schema.Table<Source>().Insert(Enumerable.Range(1, 3).Select(i => new Source.Row { SourceId = i, Value = i }));
        schema.Table<Doubled>();
        return schema;
    }

    private static string Describe(ForeignKeyInfo key) =>
        $"{key.Child.FullTableName}->{key.Parent.FullTableName} [{string.Join(",", key.AttributeMap)}] primary={key.Primary} aliased={key.Aliased} multi={key.Multi}";

    private static string Done(Action action)
    {
        action();
        return "done";
    }

    private static async Task<object?> Done(Func<Task> action)
    {
        await action();
        return "done";
    }

    /// <summary>Every table of the schema (the job tables too) with its rows in key order.</summary>
    private string Dump(Schema schema)
    {
        var tables = Instance.Connection.Query(TableNamesSql,
            schema.Name).Select(r => (string)r["name"]!).Where(t => t != "~lineage");
        return string.Join("\n", tables.Select(t =>
        {
            var rows = FreeTable.Open(schema.Connection, $"{schema.Name}.{t}").Proj(["..."]).ToDicts(orderBy: "KEY");
            return t + ": " + Render(t.StartsWith("~~", StringComparison.Ordinal) ? rows.Select(r => r["status"]) : rows, schema);
        }));
    }

    private static string Render(object? value, Schema schema) => Text(value).Replace(schema.Name, "S", StringComparison.Ordinal);

    private static string Text(object? value) => value switch
    {
        null => "null",
        string text => text,
        FreeTable table => table.FullTableName,
        IReadOnlyDictionary<string, object?> row => "{" + string.Join(",", row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
