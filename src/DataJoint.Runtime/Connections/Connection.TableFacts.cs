using System.Collections.Concurrent;

namespace DataJoint;

/// <summary>A fact about a table that a connection learns once from the server and then remembers.</summary>
internal enum TableFact
{
    /// <summary>The job table (<c>~~name</c>) exists.</summary>
    JobTableDeclared,

    /// <summary>The table has DataJoint's hidden job-metadata columns.</summary>
    HasJobMetadata,
}

public sealed partial class Connection
{
    private readonly ConcurrentDictionary<(string Schema, string Table, TableFact Fact), bool> _tableFacts = new();

    /// <summary>What this connection learned about a table, if it did.</summary>
    internal bool TryRecall(string schema, string table, TableFact fact, out bool value) => _tableFacts.TryGetValue((schema, table, fact), out value);

    internal void Remember(string schema, string table, TableFact fact, bool value) => _tableFacts[(schema, table, fact)] = value;

    /// <summary>Forgets a dropped (or vanished) table, so the next use asks the server again.</summary>
    internal void ForgetTable(string schema, string table)
    {
        foreach (var key in _tableFacts.Keys.Where(k => k.Schema == schema && k.Table == table)) _tableFacts.TryRemove(key, out _);
    }

    /// <summary>Forgets every table of a dropped schema.</summary>
    internal void ForgetSchema(string schema)
    {
        foreach (var key in _tableFacts.Keys.Where(k => k.Schema == schema)) _tableFacts.TryRemove(key, out _);
    }
}
