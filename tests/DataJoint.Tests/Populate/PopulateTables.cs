using System.Collections.Concurrent;

namespace DataJoint.Tests.Populate;

/// <summary>Counts Make calls per schema, table and key, so tests can prove every key was computed exactly once.</summary>
public static class MakeCalls
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    public static void Record(Schema schema, string table, int id) => Counts.AddOrUpdate($"{schema.Name}/{table}/{id}", 1, (_, n) => n + 1);

    public static IReadOnlyDictionary<int, int> For(Schema schema, string table)
    {
        var prefix = $"{schema.Name}/{table}/";
        return Counts.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => int.Parse(kv.Key[prefix.Length..]), kv => kv.Value);
    }
}

[Definition("""
    source_id : int32
    ---
    value : int32
    """)]
public partial class Source : Manual;

[Definition("""
    other_id : int32
    """)]
public partial class Other : Manual;

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class Doubled : Computed
{
    void Make(Key key)
    {
        MakeCalls.Record(Schema, nameof(Doubled), key.SourceId);
        var source = (Schema.Table<Source>() & key).Fetch1();
        Insert1(new Row { SourceId = key.SourceId, Doubled = source.Value * 2L });
    }
}

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class DoubledAsync : Computed
{
    async Task MakeAsync(Key key, CancellationToken ct)
    {
        MakeCalls.Record(Schema, nameof(DoubledAsync), key.SourceId);
        var source = await (Schema.Table<Source>() & key).Fetch1Async(ct);
        await Insert1Async(new Row { SourceId = key.SourceId, Doubled = source.Value * 2L }, cancellationToken: ct);
    }
}

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class DoubledThreePart : Computed
{
    int MakeFetch(Key key) => (Schema.Table<Source>() & key).Fetch1().Value;

    long MakeCompute(Key key, int value)
    {
        MakeCalls.Record(Schema, nameof(DoubledThreePart), key.SourceId);
        return value * 2L;
    }

    void MakeInsert(Key key, long doubled) => Insert1(new Row { SourceId = key.SourceId, Doubled = doubled });
}

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class DoubledThreePartAsync : Computed
{
    async Task<IReadOnlyList<Source.Row>> MakeFetchAsync(Key key, CancellationToken ct) => await (Schema.Table<Source>() & key).FetchAsync(ct);

    (int Id, long Doubled) MakeCompute(Key key, IReadOnlyList<Source.Row> rows) => (key.SourceId, rows.Single().Value * 2L);

    Task MakeInsertAsync(Key key, (int Id, long Doubled) computed, CancellationToken ct) =>
        Insert1Async(new Row { SourceId = computed.Id, Doubled = computed.Doubled }, cancellationToken: ct);
}

/// <summary>Three-part make whose compute phase changes the upstream row it fetched (as a concurrent writer would).</summary>
[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class Drifting : Computed
{
    Source.Row MakeFetch(Key key) => (Schema.Table<Source>() & key).Fetch1();

    long MakeCompute(Key key, Source.Row row)
    {
        var source = Schema.Table<Source>();
        var name = source.FullTableName;
        var placeholder = Connection.Backend == Backend.PostgreSql ? "$1" : "@p0";
        Connection.Execute($"UPDATE {name} SET value = value + 1 WHERE source_id = {placeholder}", key.SourceId);
        return row.Value * 2L;
    }

    void MakeInsert(Key key, long doubled) => Insert1(new Row { SourceId = key.SourceId, Doubled = doubled });
}

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class FailsOnOdd : Computed
{
    void Make(Key key)
    {
        if (key.SourceId % 2 == 1) throw new InvalidOperationException($"odd key {key.SourceId}");
        Insert1(new Row { SourceId = key.SourceId, Doubled = 0 });
    }
}

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class Forgetful : Computed
{
    void Make(Key key) => MakeCalls.Record(Schema, nameof(Forgetful), key.SourceId);
}

/// <summary>Inserts the row of source 1 whatever key it is given.</summary>
[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class WrongKey : Computed
{
    void Make(Key key) => Insert1(new Row { SourceId = 1, Doubled = key.SourceId });
}

[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class BadKeySource : Computed
{
    public override QueryExpression KeySource => Schema.Table<Other>();

    void Make(Key key) => Insert1(new Row { SourceId = key.SourceId, Doubled = 0 });
}

/// <summary>Only sources with an even value: a key-source override.</summary>
[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class EvenOnly : Computed
{
    public override QueryExpression KeySource => Schema.Table<Source>() & "value % 2 = 0";

    void Make(Key key) => Insert1(new Row { SourceId = key.SourceId, Doubled = 0 });
}

[Definition("""
    -> Source
    -> Other
    ---
    product : int64
    """)]
public partial class Pairing : Computed
{
    void Make(Key key)
    {
        var value = (Schema.Table<Source>() & key).Fetch1().Value;
        Insert1(new Row { SourceId = key.SourceId, OtherId = key.OtherId, Product = (long)value * key.OtherId });
    }
}

/// <summary>Waits in Make until cancelled (after inserting, so a cancelled key would be half-written without the transaction).</summary>
[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class Slow : Computed
{
    async Task MakeAsync(Key key, CancellationToken ct)
    {
        await Insert1Async(new Row { SourceId = key.SourceId, Doubled = 0 }, cancellationToken: ct);
        if (key.SourceId >= 3) await Task.Delay(Timeout.Infinite, ct);
    }
}

/// <summary>A Make that inserts the master row and its parts (atomically, in the key's transaction).</summary>
[Definition("""
    -> Source
    ---
    n_pieces : int32
    """)]
public partial class Split : Computed
{
    [Definition("""
        -> master
        piece_idx : int32
        ---
        amount : int32
        """)]
    public partial class Piece : Part;

    void Make(Key key)
    {
        Insert1(new Row { SourceId = key.SourceId, NPieces = 3 });
        Schema.Table<Piece>().Insert(Enumerable.Range(0, 3).Select(i => new Piece.Row { SourceId = key.SourceId, PieceIdx = i, Amount = i }));
        if (key.SourceId == 2) throw new InvalidOperationException("fails after inserting the parts");
    }
}

[Definition("""
    -> Source
    ---
    imported_value : int32
    """)]
public partial class Loaded : Imported
{
    void Make(Key key) => Insert1(new Row { SourceId = key.SourceId, ImportedValue = key.SourceId });
}

/// <summary>Its Make takes another table's key: the generator accepts the name, populate reports the unusable signature.</summary>
[Definition("""
    -> Source
    ---
    doubled : int64
    """)]
public partial class WrongSignature : Computed
{
    void Make(Other.Key key) => throw new InvalidOperationException("never called");
}

/// <summary>A renamed foreign key: the key source is Source.Proj("origin_id = source_id").</summary>
[Definition("""
    -> Source.proj(origin_id='source_id')
    ---
    copied : int32
    """)]
public partial class Renamed : Computed
{
    void Make(Key key)
    {
        var value = (Schema.Table<Source>() & new { source_id = key.OriginId }).Fetch1().Value;
        Insert1(new Row { OriginId = key.OriginId, Copied = value });
    }
}
