using System.Data.Common;
using BenchmarkDotNet.Attributes;

namespace DataJoint.Benchmarks;

/// <summary>
/// What every database benchmark shares: one run per backend, an instance with a throw-away schema, and a raw driver
/// data source on the same server for the baseline. Subclasses create their tables and data in <see cref="Prepare"/>.
/// </summary>
public abstract class DatabaseBenchmark
{
    [Params(Backend.MySql, Backend.PostgreSql)]
    public Backend Backend { get; set; }

    protected Instance Instance { get; private set; } = null!;

    protected Schema Schema { get; private set; } = null!;

    /// <summary>The raw driver's data source for the baseline methods.</summary>
    protected DbDataSource Raw { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Instance = BenchmarkServer.Connect(Backend);
        Schema = Instance.Schema($"djbench_{Guid.NewGuid():N}"[..24]);
        Raw = PopulateRawSource.Create(Backend);
        Prepare();
    }

    /// <summary>Declares and fills the benchmark's tables.</summary>
    protected abstract void Prepare();

    /// <summary>Releases what <see cref="Prepare"/> made outside the schema (files, folders).</summary>
    protected virtual void Release()
    {
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Release();
        Schema.Drop(prompt: false);
        Raw.Dispose();
        Instance.Dispose();
    }
}
