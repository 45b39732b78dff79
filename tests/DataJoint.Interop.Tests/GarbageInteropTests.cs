namespace DataJoint.Interop.Tests;

/// <summary>Garbage collection agrees with DataJoint-Python's: the same orphans, counts and bytes in a store .NET wrote.</summary>
public sealed partial class CodecInteropTests
{
    [Test]
    public async Task PythonsGarbageCollectorFindsTheOrphansDotNetReports()
    {
        var schema = Instance.Schema(NewSchemaName("codecgc"));
        var documents = schema.Table<Document>();
        documents.Insert([
            new { doc_id = 1, raw = new byte[] { 1 }, report = new Attachment("a.txt", [1]) },
            new { doc_id = 2, raw = new byte[] { 1 } },
            new { doc_id = 3, raw = new byte[] { 3, 3, 3 }, report = new Attachment("b.txt", [2, 2]) },
        ]);
        (documents & "doc_id >= 2").Delete(prompt: false);

        var ours = schema.CollectGarbage(store: "cold");
        var theirs = (await PythonAsync("store_gc.py", "collect", schema.Name, root))!;
        Assert.Multiple(() =>
        {
            Assert.That((ours.HashPathsReferenced, ours.HashPathsStored, ours.HashPathsOrphaned), Is.EqualTo((2, 4, 2)));
            Assert.That(theirs["orphaned_hash_paths"]!.AsArray().Select(p => (string)p!), Is.EqualTo(ours.OrphanedHashPaths));
            Assert.That((int)theirs["hash_paths_referenced"]!, Is.EqualTo(ours.HashPathsReferenced));
            Assert.That((int)theirs["hash_paths_stored"]!, Is.EqualTo(ours.HashPathsStored));
            Assert.That((long)theirs["hash_paths_orphaned_bytes"]!, Is.EqualTo(ours.HashPathsOrphanedBytes));
        });
    }
}
