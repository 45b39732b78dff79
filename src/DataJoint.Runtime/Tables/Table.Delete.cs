namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Deletes the rows of this (restricted) table and, cascading down the foreign-key graph, every row that
    /// depends on them, in one transaction (docs/semantics.md#delete). With <see cref="Config.SafeMode"/> on and
    /// <paramref name="prompt"/> not false, <see cref="Config.Confirm"/> is asked with the per-table counts before
    /// committing; a refusal rolls everything back.
    /// </summary>
    /// <param name="prompt">Ask before committing; null uses the connection's safe mode.</param>
    /// <param name="partIntegrity"><c>enforce</c> (default): deleting part rows whose master rows are not deleted
    /// too is an error; <c>ignore</c>: allowed; <c>cascade</c>: the masters of the affected part rows are deleted too,
    /// and with them all their parts (docs/semantics.md#cascade).</param>
    /// <returns>The number of rows deleted from this table.</returns>
    public long Delete(bool? prompt = null, string partIntegrity = "enforce") => Delete(prompt, ParsePartIntegrity(partIntegrity, allowCascade: true));

    /// <summary>As <see cref="Delete(bool?, string)"/> with the typed <see cref="DataJoint.PartIntegrity"/>.</summary>
    public long Delete(bool? prompt, PartIntegrity partIntegrity) =>
        SyncOrAsync.Wait(DeleteTraced(prompt, partIntegrity, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Delete(bool?, string)"/>.</summary>
    public Task<long> DeleteAsync(bool? prompt = null, string partIntegrity = "enforce", CancellationToken cancellationToken = default) =>
        DeleteAsync(prompt, ParsePartIntegrity(partIntegrity, allowCascade: true), cancellationToken);

    /// <summary>Asynchronous <see cref="Delete(bool?, PartIntegrity)"/>.</summary>
    public Task<long> DeleteAsync(bool? prompt, PartIntegrity partIntegrity, CancellationToken cancellationToken = default) =>
        DeleteTraced(prompt, partIntegrity, sync: false, cancellationToken).AsTask();

    /// <summary>DataJoint's <c>part_integrity</c> names (<c>enforce</c>, <c>ignore</c>, <c>cascade</c>) as the enum.</summary>
    internal static PartIntegrity ParsePartIntegrity(string partIntegrity, bool allowCascade) => partIntegrity switch
    {
        "enforce" => PartIntegrity.Enforce,
        "ignore" => PartIntegrity.Ignore,
        "cascade" when allowCascade => PartIntegrity.Cascade,
        _ => throw new ArgumentException(allowCascade
            ? $"partIntegrity must be 'enforce', 'ignore' or 'cascade', not '{partIntegrity}'."
            : $"partIntegrity must be 'enforce' or 'ignore' for Drop, not '{partIntegrity}'.", nameof(partIntegrity)),
    };

    private ValueTask<long> DeleteTraced(bool? prompt, PartIntegrity partIntegrity, bool sync, CancellationToken cancellationToken) =>
        Telemetry.Traced(Telemetry.Delete, Connection, FullTableName, () => DeleteCore(prompt, partIntegrity, sync, cancellationToken), static n => n);

    private async ValueTask<long> DeleteCore(bool? prompt, PartIntegrity partIntegrity, bool sync, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(partIntegrity))
        {
            throw new ArgumentOutOfRangeException(nameof(partIntegrity), partIntegrity, "Use PartIntegrity.Enforce, Ignore or Cascade.");
        }

        var connection = Connection;
        var ask = prompt ?? connection.Config.SafeMode;
        if (connection.InTransaction && ask)
        {
            throw new InvalidOperationException($"Delete from {FullTableName} cannot ask for confirmation inside an ongoing transaction: "
                + "pass prompt: false to delete within it, or call Delete outside the transaction.");
        }

        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        Transaction? transaction = null;
        if (!connection.InTransaction)
        {
            transaction = sync ? connection.Transaction() : await connection.TransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // Masters are found (and their keys read) inside the transaction, before any row is gone.
            var plan = await DeleteCascade.Plan(this, partIntegrity, sync, cancellationToken).ConfigureAwait(false);
            var deleted = new Dictionary<TableName, long>();
            foreach (var table in plan.Members.Reverse())
            {
                var statement = plan.DeleteStatement(table);
                var context = $"Deleting from {connection.Adapter.QualifiedName(table.Schema, table.Table)}";
                deleted[table] = sync
                    ? connection.Execute(statement, context)
                    : await connection.ExecuteAsync(statement, context, cancellationToken).ConfigureAwait(false);
            }

            if (partIntegrity == PartIntegrity.Enforce)
            {
                foreach (var (table, count) in deleted)
                {
                    if (count > 0 && table.Master is { } master && !(deleted.TryGetValue(master, out var masterCount) && masterCount > 0))
                    {
                        throw new DataJointException($"Attempt to delete part table {table} before its master {master}: delete from the "
                            + "master instead, pass partIntegrity: \"cascade\" to delete the master rows (and all their parts) too, "
                            + "or partIntegrity: \"ignore\" to delete only the part rows.");
                    }
                }
            }

            var fromSeed = deleted[plan.Seed];
            if (fromSeed == 0 || (ask && !connection.Config.Confirm(Summary(deleted))))
            {
                await Rollback(transaction, sync).ConfigureAwait(false);
                return 0;
            }

            if (transaction is not null)
            {
                if (sync) transaction.Commit();
                else await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            DeleteLog.Deleted(DeleteLog.For(connection.DataJointLoggers), fromSeed, FullTableName, Counts(deleted));
            return fromSeed;
        }
        catch
        {
            await Rollback(transaction, sync).ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                if (sync) transaction.Dispose();
                else await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask Rollback(Transaction? transaction, bool sync)
    {
        if (transaction is null) return;
        if (sync) transaction.Rollback();
        else await transaction.DisposeAsync().ConfigureAwait(false);
    }

    private static string Summary(Dictionary<TableName, long> deleted) => "Commit deletes? " + Counts(deleted);

    private static string Counts(Dictionary<TableName, long> deleted) =>
        string.Join(", ", deleted.Where(d => d.Value > 0).Select(d => $"{d.Key}: {d.Value} row(s)"));
}
