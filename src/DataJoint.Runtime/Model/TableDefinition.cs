namespace DataJoint;

/// <summary>
/// The compiled model of a table class: heading, foreign keys, indexes, tier, SQL name and comment. The
/// source generator emits one per table as <c>T.Definition</c>, so nothing is parsed at run time.
/// </summary>
public sealed class TableDefinition
{
    private readonly Func<TableDefinition>? _master;
    private readonly Func<IReadOnlyList<TableDefinition>>? _parts;

    /// <summary>Creates the table model (emitted by the source generator).</summary>
    public TableDefinition(string className, string tableName, TableTier tier, string comment,
        IReadOnlyList<AttributeDefinition> attributes, IReadOnlyList<ForeignKeyDefinition> foreignKeys,
        IReadOnlyList<IndexDefinition> indexes, Func<TableDefinition>? master = null,
        Func<IReadOnlyList<TableDefinition>>? parts = null)
    {
        _parts = parts;
        ClassName = className;
        TableName = tableName;
        Tier = tier;
        Comment = comment;
        Attributes = attributes;
        ForeignKeys = foreignKeys;
        Indexes = indexes;
        _master = master;
        PrimaryKey = attributes.Where(a => a.InKey).Select(a => a.Name).ToArray();
    }

    /// <summary>The C# class name (full name including namespace).</summary>
    public string ClassName { get; }

    /// <summary>SQL table name with its tier prefix (<c>subject</c>, <c>#lookup</c>, <c>__computed</c>, <c>master__part</c>).</summary>
    public string TableName { get; }

    /// <summary>The tier.</summary>
    public TableTier Tier { get; }

    /// <summary>The table comment.</summary>
    public string Comment { get; }

    /// <summary>All attributes in declaration order, inherited foreign-key attributes included.</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; }

    /// <summary>Foreign keys in declaration order.</summary>
    public IReadOnlyList<ForeignKeyDefinition> ForeignKeys { get; }

    /// <summary>Declared indexes.</summary>
    public IReadOnlyList<IndexDefinition> Indexes { get; }

    /// <summary>Primary-key attribute names.</summary>
    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary>The master table of a <see cref="TableTier.Part"/> table, otherwise null.</summary>
    public TableDefinition? Master => _master?.Invoke();

    /// <summary>The part tables nested in this table's class.</summary>
    public IReadOnlyList<TableDefinition> Parts => _parts?.Invoke() ?? [];

    /// <summary>This definition with <paramref name="attributes"/> in place of its own (the same attributes, resolved further).</summary>
    internal TableDefinition WithAttributes(IReadOnlyList<AttributeDefinition> attributes) =>
        new(ClassName, TableName, Tier, Comment, attributes, ForeignKeys, Indexes, _master, _parts);

    /// <inheritdoc/>
    public override string ToString() => $"{ClassName} ({TableName})";
}
