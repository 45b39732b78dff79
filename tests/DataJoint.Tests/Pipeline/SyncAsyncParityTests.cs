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
        new("Jobs.Declare", s => Done(() => T<Doubled>(s).Jobs.Declare()), async s => await Done(() => T<Doubled>(s).Jobs.DeclareAsync())),
        new("Jobs.Reserve and Complete", s => Reserved(s) ? Done(() => T<Doubled>(s).Jobs.Complete(Source1, 1.5)) : "not reserved",
            async s => await ReservedAsync(s) ? await Done(() => T<Doubled>(s).Jobs.CompleteAsync(Source1, 1.5)) : "not reserved"),
        new("Jobs.Error and ErrorStack", s => Done(() => T<Doubled>(s).Jobs.Error(Source1, "boom", "at Make")) + T<Doubled>(s).Jobs.ErrorStack(Source1),
            async s => await Done(() => T<Doubled>(s).Jobs.ErrorAsync(Source1, "boom", "at Make")) + await T<Doubled>(s).Jobs.ErrorStackAsync(Source1)),
        new("Jobs.Ignore", s => Done(() => T<Doubled>(s).Jobs.Ignore(Source1)), async s => await Done(() => T<Doubled>(s).Jobs.IgnoreAsync(Source1))),
        new("Jobs.Reclaim", s => Reserved(s) ? T<Doubled>(s).Jobs.Reclaim() : -1, async s => await ReservedAsync(s) ? await T<Doubled>(s).Jobs.ReclaimAsync() : -1),
        new("Schema.Jobs", s => s.Jobs().Select(j => j.FullTableName), async s => (await s.JobsAsync()).Select(j => j.FullTableName)),
        new("Head", s => T<Recording>(s).Head(2), async s => await T<Recording>(s).HeadAsync(2)),
        new("Tail", s => T<Recording>(s).Tail(2), async s => await T<Recording>(s).TailAsync(2)),
        new("Preview", s => T<Animal>(s).Preview(limit: 3), async s => await T<Animal>(s).PreviewAsync(limit: 3)),
        new("ToArrays", s => Arrays(T<Recording>(s).ToArrays(["animal", "recording"], includeKey: true, orderBy: "KEY")),
            async s => Arrays(await T<Recording>(s).ToArraysAsync(["animal", "recording"], includeKey: true, orderBy: "KEY"))),
        new("ReadRows", s => T<Animal>(s).ReadRows(() => new FirstColumnReader(), orderBy: "KEY", limit: 3),
            async s => await T<Animal>(s).ReadRowsAsync(() => new FirstColumnReader(), orderBy: "KEY", limit: 3)),
        new("Validate", s => T<Source>(s).Validate(InvalidSources).Summary(), async s => (await T<Source>(s).ValidateAsync(InvalidSources)).Summary()),
        new("Validate unloaded FreeTable", s => new FreeTable(s.Connection, T<Source>(s).FullTableName).Validate(InvalidSources).Summary(),
            async s => (await new FreeTable(s.Connection, T<Source>(s).FullTableName).ValidateAsync(InvalidSources)).Summary()),
        new("Describe", s => T<Pairing>(s).Describe(), async s => await T<Pairing>(s).DescribeAsync()),
        new("GetTable", s => s.GetTable("Recording.Channel").ToDicts(orderBy: "KEY"), async s => await (await s.GetTableAsync("Recording.Channel")).ToDictsAsync(orderBy: "KEY")),
        new("Scaffold", s => s.Scaffold("Lab.Tables"), async s => await s.ScaffoldAsync("Lab.Tables")),
        new("ScaffoldFiles", s => s.ScaffoldFiles("Lab.Tables"), async s => await s.ScaffoldFilesAsync("Lab.Tables")),
        new("Schema.Table<T> declaring", s => s.Table<Loaded>().Heading.Names, async s => (await s.TableAsync<Loaded>()).Heading.Names),
        new("FreeTable.LoadHeading", s => HeadingLoaded(s, t => t.LoadHeading()), async s => await HeadingLoadedAsync(s, t => t.LoadHeadingAsync())),
        new("Connection.Query", s => s.Connection.Query("SELECT 1 AS one"), async s => await s.Connection.QueryAsync("SELECT 1 AS one")),
        new("Connection.Execute", s => s.Connection.Execute($"DELETE FROM {T<Spike>(s).FullTableName}"),
            async s => await s.Connection.ExecuteAsync($"DELETE FROM {T<Spike>(s).FullTableName}")),
        new("Connection.Ping", s => Done(() => s.Connection.Ping()), async s => await Done(() => s.Connection.PingAsync())),
        new("Transaction", s => Committed(s), async s => await CommittedAsync(s)),
        new("Diagram.Of and Prune", s => Diagram.Of(s).Prune().ToMermaid(), async s => (await (await Diagram.OfAsync(s)).PruneAsync()).ToMermaid()),
        new("Diagram.Cascade and Counts", s => Diagram.Cascade(T<Animal>(s) & Animal1).Counts(),
            async s => await (await Diagram.CascadeAsync(T<Animal>(s) & Animal1)).CountsAsync()),
        new("Diagram.Trace", s => Diagram.Trace(T<Spike>(s) & new { spike = 1 }).ToMermaid(),
            async s => (await Diagram.TraceAsync(T<Spike>(s) & new { spike = 1 })).ToMermaid()),
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

    private static readonly object Source1 = new { source_id = 1 };

    private static readonly object[] InvalidSources = [new { source_id = 1, value = 2 }, new { source_id = "x", value = 3.5 }, new { value = 1 }];

    private static bool Reserved(Schema schema) => T<Doubled>(schema).Jobs.Refresh().Added == 3 && T<Doubled>(schema).Jobs.Reserve(Source1);

    private static async Task<bool> ReservedAsync(Schema schema) =>
        (await T<Doubled>(schema).Jobs.RefreshAsync(CancellationToken.None)).Added == 3 && await T<Doubled>(schema).Jobs.ReserveAsync(Source1);

    private static string Arrays(ArrayColumns arrays) =>
        Text(arrays.Keys) + Text(arrays.Attributes.Select(a => a + "=" + Text(arrays[a])));

    private static IReadOnlyList<string> HeadingLoaded(Schema schema, Action<FreeTable> load)
    {
        var table = new FreeTable(schema.Connection, T<Spike>(schema).FullTableName);
        load(table);
        return table.Heading.Names;
    }

    private static async Task<object?> HeadingLoadedAsync(Schema schema, Func<FreeTable, Task> load)
    {
        var table = new FreeTable(schema.Connection, T<Spike>(schema).FullTableName);
        await load(table);
        return table.Heading.Names;
    }

    private static long Committed(Schema schema)
    {
        using (var transaction = schema.Connection.Transaction())
        {
            T<Source>(schema).Insert1(new Source.Row { SourceId = 7, Value = 7 });
            transaction.Commit();
        }

        using (schema.Connection.Transaction())
        {
            T<Source>(schema).Insert1(new Source.Row { SourceId = 8, Value = 8 });
        }

        return T<Source>(schema).Count();
    }

    private static async Task<object?> CommittedAsync(Schema schema)
    {
        await using (var transaction = await schema.Connection.TransactionAsync())
        {
            await T<Source>(schema).Insert1Async(new Source.Row { SourceId = 7, Value = 7 });
            await transaction.CommitAsync();
        }

        await using (await schema.Connection.TransactionAsync())
        {
            await T<Source>(schema).Insert1Async(new Source.Row { SourceId = 8, Value = 8 });
        }

        return await T<Source>(schema).CountAsync();
    }

    /// <summary>The first column of each row as text, straight off the reader (the ReadRows hook DataJoint.Analysis builds on).</summary>
    private sealed class FirstColumnReader : RowReader<string>
    {
        private readonly List<string> _values = [];

        public override void Read(System.Data.Common.DbDataReader reader) =>
            _values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "null");

        public override string Complete() => string.Join(",", _values);
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
