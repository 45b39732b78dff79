namespace DataJoint.Interop.Tests.Infrastructure;

/// <summary>
/// What a server's catalog says about the tables of a pair of schemas, one line per fact, with the schema names replaced
/// by <c>&lt;up&gt;</c>/<c>&lt;main&gt;</c> so the declarations of two languages in two pairs of schemas can be compared.
/// </summary>
public static class Catalog
{
    public static List<string> Describe(Connection connection, Backend backend, string up, string main)
    {
        var lines = new List<string>();
        foreach (var schema in new[] { up, main })
        {
            var quoted = backend == Backend.MySql ? $"`{schema}`.`~lineage`" : $"\"{schema}\".\"~lineage\"";
            // The catalog queries take the schema as their parameter; the lineage table is named by it instead.
            var queries = (backend == Backend.MySql ? MySql : PostgreSql).Select(q => (q.Kind, q.Query, Parameters: new object?[] { schema }))
                .Append(("lineage", $"SELECT table_name, attribute_name, lineage FROM {quoted}", []));
            foreach (var (kind, query, parameters) in queries)
            {
                foreach (var row in connection.Query(query, parameters))
                {
                    var text = string.Join(" | ", row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
                    lines.Add($"{(schema == up ? "<up>" : "<main>")} {kind}: {text.Replace(main, "<main>", StringComparison.Ordinal).Replace(up, "<up>", StringComparison.Ordinal)}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static readonly (string Kind, string Query)[] MySql =
    [
        ("table", "SELECT table_name, table_comment FROM information_schema.tables WHERE table_schema = @p0"),
        ("column", "SELECT table_name, ordinal_position, column_name, column_type, is_nullable, column_default, column_comment, column_key "
            + "FROM information_schema.columns WHERE table_schema = @p0"),
        ("foreign key", "SELECT k.table_name, group_concat(k.column_name ORDER BY k.ordinal_position), k.referenced_table_schema, k.referenced_table_name, "
            + "group_concat(k.referenced_column_name ORDER BY k.ordinal_position), r.update_rule, r.delete_rule "
            + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r "
            + "ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name "
            + "WHERE k.table_schema = @p0 AND k.referenced_table_name IS NOT NULL GROUP BY k.table_name, k.constraint_name, k.referenced_table_schema, "
            + "k.referenced_table_name, r.update_rule, r.delete_rule"),
        ("index", "SELECT table_name, non_unique, group_concat(column_name ORDER BY seq_in_index) FROM information_schema.statistics "
            + "WHERE table_schema = @p0 AND index_name <> 'PRIMARY' GROUP BY table_name, index_name, non_unique"),
    ];

    private static readonly (string Kind, string Query)[] PostgreSql =
    [
        ("table", "SELECT c.relname::text, obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = $1 AND c.relkind = 'r'"),
        ("column", "SELECT c.relname::text, a.attnum, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
            + "pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"),
        ("constraint", "SELECT c.relname::text, con.contype::text, pg_get_constraintdef(con.oid) FROM pg_constraint con "
            + "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1"),
        ("index", "SELECT i.tablename::text, regexp_replace(i.indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON ', 'CREATE \\1INDEX ON ') FROM pg_indexes i "
            + "WHERE i.schemaname = $1 AND i.indexname NOT LIKE '%_pkey'"),
        ("enum type", "SELECT t.typname::text, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t "
            + "JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = $1 GROUP BY t.typname"),
    ];
}
