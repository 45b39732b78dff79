using DataJoint;

namespace DataJoint.Benchmarks.Populate;

[Definition("""
    bench_id : int32
    ---
    value : int32
    """)]
public partial class BenchSource : Manual;

[Definition("""
    -> BenchSource
    ---
    doubled : int64
    """)]
public partial class BenchDoubled : Computed
{
    // Trivial Make: one fetch and one insert, what the raw loop does too.
    void Make(Key key)
    {
        var source = (Schema.Table<BenchSource>() & key).Fetch1();
        Insert1(new Row { BenchId = key.BenchId, Doubled = source.Value * 2L });
    }
}
