using System.Data.Common;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// The columns of a fetch whose values are content in a store's hash section (<c>&lt;blob@&gt;</c>, <c>&lt;attach@&gt;</c>,
/// <c>&lt;hash@&gt;</c>, and custom codecs whose chain ends in one). Row mappers are synchronous, so the content is loaded
/// before each row is mapped, in the fetch's own mode (an asynchronous fetch reads the store asynchronously, with its
/// token), and the mapper finds it through <see cref="RowReadScope"/>. One instance serves one fetch.
/// </summary>
internal sealed class StoredColumns
{
    private readonly Heading heading;
    private readonly Config config;
    private readonly Func<string, bool> reads;
    private readonly HashSections sections;
    private int[]? ordinals;

    private StoredColumns(Heading heading, Config config, Func<string, bool> reads)
    {
        this.heading = heading;
        this.config = config;
        this.reads = reads;
        sections = new HashSections(config.ObjectStores);
    }

    /// <summary>
    /// The stored columns of <paramref name="heading"/>'s attributes that the row mapper reads (<paramref name="reads"/>;
    /// all when null), or null when there are none.
    /// </summary>
    public static StoredColumns? Of(Heading heading, Config config, Func<string, bool>? reads = null)
    {
        reads ??= static _ => true;
        return heading.Attributes.Any(a => reads(a.Name) && IsHashed(a, config)) ? new StoredColumns(heading, config, reads) : null;
    }

    /// <summary>
    /// The content of the current row's stored columns, indexed by ordinal (null where the column is not stored or is NULL); null when the statement has no stored column.
    /// </summary>
    public async ValueTask<byte[]?[]?> Load(DbDataReader reader, bool sync, CancellationToken cancellationToken)
    {
        ordinals ??= Find(reader);
        if (ordinals.Length == 0) return null;
        var loaded = new byte[]?[reader.FieldCount];
        foreach (var ordinal in ordinals)
        {
            if (reader.IsDBNull(ordinal)) continue;
            loaded[ordinal] = await StoredReads.Load(reader.GetName(ordinal), ColumnReader.ReadString(reader, ordinal), sections, sync,
                cancellationToken).ConfigureAwait(false);
        }

        return loaded;
    }

    // The statement's columns are heading attributes by name (in any order, a subset for Column and Fetch1).
    private int[] Find(DbDataReader reader) => Enumerable.Range(0, reader.FieldCount)
        .Where(i => heading.TryGet(reader.GetName(i), out var attribute) && reads(attribute.Name) && IsHashed(attribute, config))
        .ToArray();

    private static bool IsHashed(HeadingAttribute attribute, Config config)
    {
        if (attribute.Spec.Category != TypeCategory.Codec) return false;
        var column = attribute.Spec;
        if (CodecRegistry.IsCustom(column))
        {
            try
            {
                column = config.Codecs.Column(column, attribute.Name);
            }
            catch (DefinitionException)
            {
                return false; // the mapper reports the unknown codec when it reads the column
            }
        }

        return column.IsInStore && column.CodecName is "blob" or "attach" or "hash";
    }
}
