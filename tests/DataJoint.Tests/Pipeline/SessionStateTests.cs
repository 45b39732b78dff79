using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Pipeline;

/// <summary>
/// Session state of pooled connections: DataJoint's strict SQL mode holds on new and reused connections, and nothing a
/// rolled-back transaction did survives its connection's return to the pool.
/// </summary>
public sealed class SessionStateTests(Backend backend) : BackendTest(backend)
{
    private string CreateShortTable()
    {
        var table = $"{FullName(Schema.Name, "short")}";
        Instance.Connection.Execute($"CREATE TABLE {table} ({Q("id")} int NOT NULL PRIMARY KEY, {Q("code")} varchar(3) NOT NULL)");
        return table;
    }

    [Test]
    public async Task EveryPooledConnectionRefusesTruncationAsStrictModeDoes()
    {
        var table = CreateShortTable();
        var connection = Instance.Connection;
        // Eight at once forces several physical connections; repeating reuses them from the pool.
        for (var round = 0; round < 3; round++)
        {
            var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await using var tx = await connection.TransactionAsync();
                connection.Execute($"INSERT INTO {table} VALUES ({round * 10 + i}, 'toolong')");
            }));
            foreach (var attempt in attempts)
            {
                Assert.CatchAsync<DataJointException>(async () => await attempt, "a silently truncated value would be inserted here");
            }
        }

        Assert.That(connection.Query($"SELECT count(*) AS n FROM {table}")[0]["n"], Is.EqualTo(0));
        if (Backend == Backend.MySql)
        {
            var modes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => (string)connection.Query("SELECT @@SESSION.sql_mode AS m")[0]["m"]!)));
            Assert.That(modes, Is.All.Contains("STRICT_ALL_TABLES").And.All.Contains("ONLY_FULL_GROUP_BY"));
        }
    }

    [Test]
    public void ARolledBackTransactionLeavesNothingOnItsPooledConnection()
    {
        var table = CreateShortTable();
        var connection = Instance.Connection;
        using (connection.Transaction())
        {
            Assert.That(connection.InTransaction, Is.True);
            connection.Execute($"INSERT INTO {table} VALUES (1, 'abc')");
            Assert.That(Convert.ToInt32(connection.Query($"SELECT count(*) AS n FROM {table}")[0]["n"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1));
        }

        Assert.That(connection.InTransaction, Is.False);

        for (var i = 0; i < 4; i++)
        {
            Assert.That(connection.InTransaction, Is.False);
            Assert.That(Convert.ToInt32(connection.Query($"SELECT count(*) AS n FROM {table}")[0]["n"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(i));
            connection.Execute($"INSERT INTO {table} VALUES ({10 + i}, 'ok')");
        }

        Assert.That(Convert.ToInt32(connection.Query($"SELECT count(*) AS n FROM {table}")[0]["n"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(4),
            "later statements were autocommitted, not swallowed by a transaction left open on a reused connection");
    }

    [Test]
    public void NestedAndFinishedTransactionsAreMisuse()
    {
        var connection = Instance.Connection;
        using (var tx = connection.Transaction())
        {
            var nested = Assert.Throws<InvalidOperationException>(() => connection.Transaction());
            Assert.That(nested!.Message, Does.StartWith("Nested transactions are not supported"));
            tx.Commit();
            var again = Assert.Throws<InvalidOperationException>(() => tx.Commit());
            Assert.That(again!.Message, Does.Contain("already been committed or rolled back"));
        }

        Assert.That(connection.InTransaction, Is.False);
    }
}
