namespace DataJoint;

/// <summary>What a codec is told about the value it encodes or decodes (DataJoint's <c>key</c> and <c>store_name</c>).</summary>
public sealed class CodecContext
{
    internal CodecContext(string attribute, string? store, Stores stores, string? schema = null, string? table = null,
        IReadOnlyDictionary<string, object?>? key = null)
    {
        Attribute = attribute;
        Store = store;
        Stores = stores;
        Schema = schema;
        Table = table;
        Key = key ?? new Dictionary<string, object?>();
    }

    /// <summary>The attribute's name.</summary>
    public string Attribute { get; }

    /// <summary>The store as declared: null without <c>@</c>, empty for <c>&lt;name@&gt;</c> (stores.default).</summary>
    public string? Store { get; }

    /// <summary>The instance's stores, for codecs that keep content in one themselves.</summary>
    public Stores Stores { get; }

    /// <summary>The schema (database) of the table written to; null when decoding.</summary>
    public string? Schema { get; }

    /// <summary>The table's SQL name; null when decoding.</summary>
    public string? Table { get; }

    /// <summary>The row's primary key when encoding; empty when decoding.</summary>
    public IReadOnlyDictionary<string, object?> Key { get; }
}
