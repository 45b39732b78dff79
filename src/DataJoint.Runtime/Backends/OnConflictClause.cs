namespace DataJoint;

/// <summary>
/// The standard <c>ON CONFLICT</c> upsert clause that PostgreSQL and SQLite share: skip a duplicate, or replace its
/// secondary attributes with the inserted values.
/// </summary>
internal static class OnConflictClause
{
    /// <summary>Appends <c>ON CONFLICT (key) DO NOTHING</c> (any unique conflict without a key).</summary>
    public static void AppendSkip(SqlBuilder sql, BackendAdapter adapter, IReadOnlyList<string> primaryKey)
    {
        sql.Append(" ON CONFLICT");
        if (primaryKey.Count > 0) sql.Append(" (").Append(string.Join(",", primaryKey.Select(adapter.Quote))).Append(')');
        sql.Append(" DO NOTHING");
    }

    /// <summary>Appends <c>ON CONFLICT (key) DO UPDATE SET</c> every secondary column (nothing to update: DO NOTHING).</summary>
    public static void AppendReplace(SqlBuilder sql, BackendAdapter adapter, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns)
    {
        var secondary = columns.Where(c => !primaryKey.Contains(c)).ToList();
        sql.Append(" ON CONFLICT (").Append(string.Join(",", primaryKey.Select(adapter.Quote))).Append(')');
        if (secondary.Count == 0)
        {
            sql.Append(" DO NOTHING");
            return;
        }

        sql.Append(" DO UPDATE SET ").Append(string.Join(", ", secondary.Select(c => $"{adapter.Quote(c)} = EXCLUDED.{adapter.Quote(c)}")));
    }
}
