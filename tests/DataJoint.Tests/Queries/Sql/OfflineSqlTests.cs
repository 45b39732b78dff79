namespace DataJoint.Tests.Queries.Sql;

/// <summary>
/// The SQL each operator generates per backend, rendered without a server: the tables are bound from their generated
/// definitions on a schema that cannot connect (<c>offline.invalid</c>), so any statement sent while composing or
/// rendering fails the test. Expectations live in <c>OfflineSql.&lt;Backend&gt;.sql</c>; set DJ_UPDATE_SNAPSHOTS=1 to rewrite
/// them after review. <see cref="SqlSnapshotTests"/> runs every one of these queries on the servers.
/// </summary>
[TestFixture(Backend.MySql)]
[TestFixture(Backend.PostgreSql)]
[Category("Offline")]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class OfflineSqlTests(Backend backend)
{
    private SqlCases Cases { get; } = SqlCases.Offline(backend);

    private string FileName => Path.Combine(SourceDirectory(), $"OfflineSql.{backend}.sql");

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Every case as the snapshot file holds it.</summary>
    internal static string Render(SqlCases cases, BackendAdapter adapter)
    {
        var blocks = cases.Queries().Select(c => $"-- {c.Name}\n{SqlCases.Show(QuerySqlGenerator.Select(c.Query, adapter))}\n")
            .Concat(cases.Wrapped().Select(c => $"-- count {c.Name}\n{SqlCases.Show(QuerySqlGenerator.Count(c.Query, adapter))}\n"))
            .Concat(cases.Wrapped().Select(c => $"-- exists {c.Name}\n{SqlCases.Show(QuerySqlGenerator.Exists(c.Query, adapter))}\n"));
        return string.Join("\n", blocks);
    }

    [Test]
    public void GeneratedSqlMatchesSnapshots()
    {
        var actual = Render(Cases, BackendAdapter.For(backend));
        if (Environment.GetEnvironmentVariable("DJ_UPDATE_SNAPSHOTS") == "1") File.WriteAllText(FileName, actual);
        Assert.That(actual, Is.EqualTo(File.ReadAllText(FileName).ReplaceLineEndings("\n")));
    }

    [Test]
    public void ASemijoinWithNothingInCommonIsDecidedByTheServer()
    {
        // Composing used to run Exists() on the spot; offline that would fail to connect.
        var cases = Cases.Queries().ToDictionary(c => c.Name, c => c.Query);
        Assert.Multiple(() =>
        {
            Assert.That(cases["semijoin-no-common-exists"].IsRestricted, Is.True);
            Assert.That(cases["semijoin-no-common-exists"].Sql, Does.Contain(" WHERE (EXISTS (SELECT 1 FROM "));
            Assert.That(cases["antijoin-no-common-exists"].Sql, Does.Contain(" WHERE (NOT (EXISTS (SELECT 1 FROM "));
        });
    }

    [Test]
    public void HostileValuesAreBoundNeverSpliced()
    {
        var statement = QuerySqlGenerator.Select(Cases.Queries().Single(c => c.Name == "restrict-hostile-value").Query, BackendAdapter.For(backend));
        Assert.Multiple(() =>
        {
            Assert.That(statement.Text, Does.Not.Contain("DROP"));
            Assert.That(statement.Parameters, Is.EqualTo(new object?[] { "'; DROP TABLE student; --" }));
        });
    }

    [Test]
    public void AnOfflineSchemaNeverReachesAServer()
    {
        var query = Cases.Queries().First().Query;
        Assert.Throws<LostConnectionException>(() => query.Count());
    }

    [Test]
    public void StatementsRenderThroughTheOneBuilder()
    {
        var adapter = BackendAdapter.For(backend);
        var student = SqlCases.Offline(backend).Queries().First().Query;
        var q = backend == Backend.MySql ? "`" : "\"";
        string Q(string name) => q + name + q;
        string P(int i) => backend == Backend.MySql ? $"@p{i}" : $"${i + 1}";
        var table = Q("S") + "." + Q("student");
        var update = StatementBuilder.Update(adapter, table, [("first_name", "Ann"), ("home_phone", StatementBuilder.Default)], StatementBuilder.WhereOf(student));
        var delete = StatementBuilder.Delete(adapter, table, [StatementBuilder.Equal([("student_id", 7)]), StatementBuilder.NotEqual("sex", "M")]);
        var skip = StatementBuilder.Insert(adapter, table, ["student_id", "first_name"], [[1, "A"], [2, StatementBuilder.Default]], ["student_id"], InsertConflict.Skip);
        var replace = StatementBuilder.Insert(adapter, table, ["student_id", "first_name"], [[1, "A"]], ["student_id"], InsertConflict.Replace);
        var insertSelect = StatementBuilder.InsertSelect(adapter, table, ["student_id", "first_name"], student, ["student_id", "first_name"], ["student_id"],
            InsertConflict.Skip);
        Assert.Multiple(() =>
        {
            Assert.That(update.Text, Is.EqualTo($"UPDATE {table} SET {Q("first_name")} = {P(0)}, {Q("home_phone")} = DEFAULT WHERE (home_state = 'UT')"));
            Assert.That(update.Parameters, Is.EqualTo(new object?[] { "Ann" }));
            Assert.That(delete.Text, Is.EqualTo($"DELETE FROM {table} WHERE ({Q("student_id")}={P(0)}) AND ({Q("sex")} <> {P(1)})"));
            Assert.That(skip.Text, Is.EqualTo(backend == Backend.MySql
                ? $"INSERT INTO {table} ({Q("student_id")}, {Q("first_name")}) VALUES ({P(0)}, {P(1)}), ({P(2)}, DEFAULT) ON DUPLICATE KEY UPDATE {Q("student_id")}={table}.{Q("student_id")}"
                : $"INSERT INTO {table} ({Q("student_id")}, {Q("first_name")}) VALUES ({P(0)}, {P(1)}), ({P(2)}, DEFAULT) ON CONFLICT ({Q("student_id")}) DO NOTHING"));
            Assert.That(replace.Text, Is.EqualTo(backend == Backend.MySql
                ? $"REPLACE INTO {table} ({Q("student_id")}, {Q("first_name")}) VALUES ({P(0)}, {P(1)})"
                : $"INSERT INTO {table} ({Q("student_id")}, {Q("first_name")}) VALUES ({P(0)}, {P(1)}) ON CONFLICT ({Q("student_id")}) DO UPDATE SET {Q("first_name")} = EXCLUDED.{Q("first_name")}"));
            Assert.That(insertSelect.Text, Does.StartWith($"INSERT INTO {table} ({Q("student_id")}, {Q("first_name")}) SELECT {Q("student_id")}, {Q("first_name")} FROM (SELECT "));
            Assert.That(insertSelect.Text, Does.EndWith(backend == Backend.MySql
                ? $" ON DUPLICATE KEY UPDATE {Q("student_id")}={table}.{Q("student_id")}"
                : $" ON CONFLICT ({Q("student_id")}) DO NOTHING"));
            Assert.That(insertSelect.Text, Does.Contain("home_state = 'UT'"), "the query's restriction is inside the SELECT");
        });
    }
}
