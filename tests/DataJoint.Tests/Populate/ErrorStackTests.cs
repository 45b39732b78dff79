using System.Text;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Populate;

/// <summary>The job table's <c>error_stack</c> is DataJoint-Python's <c>&lt;blob&gt;</c>: stacks written by either library read back in the other.</summary>
public sealed class ErrorStackTests(Backend backend) : BackendTest(backend)
{
    /// <summary>DataJoint-Python's <c>blob.pack(PythonTraceback)</c>: "dj0\0", 0x05 (str), uint64 89, the UTF-8 text.</summary>
    private const string PythonTracebackBlob = "646a3000" + "05" + "5900000000000000"
        + "54726163656261636b20286d6f737420726563656e742063616c6c206c617374293a0a202046696c6520226d616b652e7079222c206c696e6520372c"
        + "20696e206d616b650a56616c75654572726f723a20626164206b65790a";

    private const string PythonTraceback = "Traceback (most recent call last):\n  File \"make.py\", line 7, in make\nValueError: bad key\n";

    /// <summary>
    /// DataJoint-Python's <c>blob.pack(LongPythonTraceback())</c>: the 1328-byte str blob (0x530) is over 1000 bytes, so it is
    /// "ZL123\0" + uint64 1328 + <c>zlib.compress</c> of it (zlib 1.2.13, level 6).
    /// </summary>
    private const string CompressedPythonTracebackBlob = "5a4c31323300" + "3005000000000000"
        + "789c9dd2bb8ec2400c85611a1a9ec2621b9010e470871e9e60453f0c2e4226c9683214bc3d97ea502c92d79d2dffdd77b916bdfe4fbff79edfe4bc9e9daf"
        + "6454b75d96a45e9b2cde8520c17579bc1f881ccba0329cc5326a281b9d755963318df7e1445ebb1413291ba95da5cf6711dfd6f1967554e97dfc470daa61"
        + "aee754cfcdf582ea85b95e52bd34d72baa57e67a4df5da5c6fa8de98eb2dd55b73bda37a67d7c2d8f00f6d1fdcecdec0e06017072607bb39303ad8d581d9"
        + "c1ee0e0c0f7679607ab0db03e3835d1f981fbef93bb970d3434a6ddacbd95de4791c3c00de909843";

    private static string LongPythonTraceback()
    {
        var text = new StringBuilder("Traceback (most recent call last):\n");
        for (var i = 0; i < 20; i++) text.Append($"  File \"/pipeline/step{i}.py\", line {i}, in make\n    compute(key)\n");
        return text.Append("ValueError: bad key\n").ToString();
    }

    private FailsOnOdd Prepare(int count)
    {
        Schema.Table<Source>().Insert(Enumerable.Range(1, count).Select(i => new Source.Row { SourceId = i, Value = i }));
        return Schema.Table<FailsOnOdd>();
    }


    [Test]
    public void AFailedMakeRecordsItsStackAsAPythonStrBlob()
    {
        var table = Prepare(1);
        table.Populate(new PopulateOptions { ReserveJobs = true, SuppressErrors = true });

        var stack = table.Jobs.ErrorStack(new { source_id = 1 });
        var raw = RawStack(table.Jobs);

        Assert.That(table.Jobs.Errors.ToDicts().Single()["error_stack"], Is.EqualTo(stack), "fetches deserialize the <blob> column");
        Assert.That(stack, Does.StartWith("System.InvalidOperationException: odd key 1"));
        Assert.That(stack, Does.Contain(nameof(FailsOnOdd)), "the .NET stack trace names the Make that threw");
        Assert.That(Blob.Unpack(raw), Is.EqualTo(stack));
        var isStrBlob = raw.AsSpan().StartsWith("dj0\0"u8) && raw[4] == 0x05;
        Assert.That(isStrBlob || raw.AsSpan().StartsWith("ZL123\0"u8), Is.True, "a Python str blob, compressed when over 1000 bytes");
    }

    [Test]
    public void TheColumnIsDeclaredAsDataJointPythonDeclaresIt()
    {
        var jobs = Prepare(1).Jobs;
        jobs.Declare();

        var column = FreeTable.Open(Schema.Connection, jobs.FullTableName).Heading["error_stack"];
        var sqlType = Instance.Connection.Query("SELECT data_type AS sql_type FROM information_schema.columns "
            + $"WHERE table_schema = {P(0)} AND table_name = {P(1)} AND column_name = 'error_stack'", Schema.Name, jobs.SqlTableName).Single()["sql_type"];

        Assert.That(column.Type, Is.EqualTo("<blob>"), "the :<blob>: comment marker");
        Assert.That(column.Comment, Is.Empty, "Python declares `error_stack=null : <blob>` without a comment");
        Assert.That(column.Nullable, Is.True);
        Assert.That(sqlType, Is.EqualTo(Backend == Backend.MySql ? "longblob" : "bytea"));
    }

    [Test]
    public void StacksWrittenByPythonAreReadBack()
    {
        var jobs = Prepare(3).Jobs;
        jobs.Error(new { source_id = 1 }, "ValueError: bad key");
        jobs.Error(new { source_id = 3 }, "ValueError: bad key");
        var update = $"UPDATE {jobs.FullTableName} SET error_stack = {P(0)} WHERE source_id = {P(1)}";
        Instance.Connection.Execute(update, Convert.FromHexString(PythonTracebackBlob), 1);
        Instance.Connection.Execute(update, Convert.FromHexString(CompressedPythonTracebackBlob), 3);

        Assert.That(jobs.ErrorStack(new { source_id = 1 }), Is.EqualTo(PythonTraceback));
        Assert.That(jobs.ErrorStack(new FailsOnOdd.Key(3)), Is.EqualTo(LongPythonTraceback()));
    }

    [Test]
    public async Task MissingStacksAndJobsReadAsNull()
    {
        var jobs = Prepare(2).Jobs;
        jobs.Error(new { source_id = 1 }, "no stack given");

        Assert.That(await jobs.ErrorStackAsync(new { source_id = 1 }), Is.Null);
        Assert.That(jobs.ErrorStack(new { source_id = 2 }), Is.Null, "no job row");
    }

    [Test]
    public void StacksLongerThanTheThresholdAreCompressedAndReadBack()
    {
        var jobs = Prepare(1).Jobs;
        var stack = string.Concat(Enumerable.Range(0, 200).Select(i => $"   at Pipeline.Step{i}.Make(Key key) in /src/Step{i}.cs:line {i}\n"));

        jobs.Error(new { source_id = 1 }, "InvalidOperationException: boom", stack);

        var raw = RawStack(jobs);
        Assert.That(raw.AsSpan().StartsWith("ZL123\0"u8), Is.True);
        Assert.That(jobs.ErrorStack(new { source_id = 1 }), Is.EqualTo(stack));
    }

    [Test]
    public void AStackBlobHoldingSomethingElseIsReportedWithItsKey()
    {
        var jobs = Prepare(1).Jobs;
        jobs.Error(new { source_id = 1 }, "ValueError: bad key");
        Instance.Connection.Execute($"UPDATE {jobs.FullTableName} SET error_stack = {P(0)} WHERE source_id = {P(1)}",
            Blob.Pack(new List<object?> { "frame 1", "frame 2" }), 1);

        var ex = Assert.Throws<DataJointException>(() => jobs.ErrorStack(new { source_id = 1 }));
        Assert.That(ex!.Message, Does.Contain("source_id=1").And.Contain("not text"));
    }

    /// <summary>The stored bytes of the only job's error_stack, as the server holds them.</summary>
    private byte[] RawStack(JobTable jobs) =>
        (byte[])Schema.Connection.Query($"SELECT {Q("error_stack")} AS s FROM {jobs.FullTableName}").Single()["s"]!;
}
