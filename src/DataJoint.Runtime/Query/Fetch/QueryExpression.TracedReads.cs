using System.Data.Common;
using System.Runtime.CompilerServices;

namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// The table a span of this expression names in <c>db.collection.name</c>: the table itself, or the one table a
    /// restriction or projection reads; null for joins and unions (no single collection).
    /// </summary>
    internal virtual string? TelemetryTable => null;

    /// <summary>
    /// Every fetch reads through here: one <c>fetch</c> span and the fetched-rows counter per read. The content of the
    /// stored columns <paramref name="read"/> reads (<paramref name="reads"/>: every column when null) is loaded in the
    /// fetch's mode before each row is mapped.
    /// </summary>
    private protected ValueTask<List<T>> ReadTraced<T>(SqlStatement statement, string context, Func<DbDataReader, T> read, bool sync,
        CancellationToken cancellationToken, Func<string, bool>? reads = null)
    {
        var stored = StoredColumns.Of(Heading, Connection.Config, reads);
        return Telemetry.Traced(Telemetry.Fetch, Connection, TelemetryTable,
            () => Connection.ReadAllCore(statement, context, read, sync, cancellationToken, stored), static rows => rows.Count);
    }

    /// <summary>Every stream reads through here: the span lasts until the caller stops enumerating.</summary>
    private protected async IAsyncEnumerable<T> StreamTraced<T>(SqlStatement statement, string context, Func<DbDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken, Func<string, bool>? reads = null)
    {
        using var scope = Telemetry.Start(Telemetry.Fetch, Connection, TelemetryTable);
        long count = 0;
        var stored = StoredColumns.Of(Heading, Connection.Config, reads);
        await using var rows = Connection.StreamAsync(statement, context, read, stored, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync().ConfigureAwait(false)) break;
            }
            catch (Exception e) when (scope.Fail(e))
            {
                throw;
            }

            count++;
            yield return rows.Current;
        }

        scope.Rows(count);
    }
}
