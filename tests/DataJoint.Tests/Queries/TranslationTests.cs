namespace DataJoint.Tests.Queries;

/// <summary>Pure translation rules (no server): function translation and the string-restriction scanner.</summary>
[TestFixture]
public sealed class TranslationTests
{
    [TestCase("GROUP_CONCAT(name SEPARATOR '; ')", "STRING_AGG((name)::text, '; ')")]
    [TestCase("group_concat(name)", "STRING_AGG((name)::text, ',')")]
    [TestCase("YEAR(CURDATE()) - YEAR(dob)", "EXTRACT(YEAR FROM CURRENT_DATE) - EXTRACT(YEAR FROM dob)")]
    [TestCase("NOW()", "CURRENT_TIMESTAMP")]
    [TestCase("TIMESTAMPDIFF(YEAR, dob, CURDATE())", "EXTRACT(YEAR FROM AGE(CURRENT_DATE, dob))")]
    [TestCase("TIMESTAMPDIFF(DAY, a, b)", "((b)::date - (a)::date)")]
    [TestCase("SUM(grade = 'A')", "SUM((grade = 'A')::int)")]
    [TestCase("SUM(points)", "SUM(points)")]
    [TestCase("birthday(x) + 'YEAR(x)'", "birthday(x) + 'YEAR(x)'")]
    public void PostgreSqlTranslation(string mysql, string postgres) => Assert.That(ExpressionTranslator.ToPostgreSql(mysql), Is.EqualTo(postgres));

    [TestCase("STRING_AGG(name, ';')", "GROUP_CONCAT(name SEPARATOR ';')")]
    [TestCase("count(*)", "count(*)")]
    public void MySqlTranslation(string input, string mysql) => Assert.That(ExpressionTranslator.ToMySql(input), Is.EqualTo(mysql));

    [TestCase("home_state = 'UT'", new[] { "home_state" })]
    [TestCase("`home_state` IN ('UT') AND YEAR(dob) > 2000", new[] { "home_state", "dob" })]
    [TestCase("a BETWEEN 1 AND 2 OR b IS NOT NULL", new[] { "a", "b" })]
    [TestCase("name LIKE 'it''s x' AND x = \"quoted words\"", new[] { "name", "x" })]
    [TestCase("true", new[] { "true" })]
    [TestCase("TRUE AND CURRENT_DATE > d", new[] { "d" })]
    [TestCase("ts > NOW() - INTERVAL 1 day", new[] { "ts" })]
    public void ScannerFindsAttributeNames(string condition, string[] names) =>
        Assert.That(StringConditionScanner.ColumnNames(condition), Is.EquivalentTo(names));
}
