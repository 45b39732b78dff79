using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Declaration;

public sealed class AsyncStreamInsertTests(Backend backend) : BackendTest(backend)
{
    private static async IAsyncEnumerable<object> Produce(int count, int? badAt = null)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return new { probe_id = i == badAt ? 1 : i, label = $"p{i}", gain = 1, taken = new DateOnly(2025, 1, 1) };
        }
    }

    [Test]
    public async Task RowsArriveAndAreWrittenInBatches()
    {
        var probes = Schema.Table<Probe>();
        Assert.That(await probes.InsertAsync(Produce(2500)), Is.EqualTo(2500));
        Assert.That(await probes.CountAsync(), Is.EqualTo(2500));
    }

    [Test]
    public async Task AFailureLaterInTheStreamLeavesNothingWritten()
    {
        var probes = Schema.Table<Probe>();
        Assert.ThrowsAsync<DuplicateKeyException>(() => probes.InsertAsync(Produce(2500, badAt: 2200)));
        Assert.That(await probes.CountAsync(), Is.Zero);
    }
}
