using System.Data.Common;
using Apache.Arrow;

namespace DataJoint.Analysis;

/// <summary>One attribute's Arrow column being built row by row, straight off the reader (no boxed value per cell).</summary>
internal abstract class ArrowColumn(HeadingAttribute attribute, Apache.Arrow.Types.IArrowType type)
{
    private bool _sawNull;

    /// <summary>Appends the reader's value at <paramref name="ordinal"/>, or a null.</summary>
    public void Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            _sawNull = true;
            AppendNull();
        }
        else
        {
            Append(reader, ordinal);
        }
    }

    /// <summary>
    /// The column's field: the attribute's name, its Arrow type, nullable when the attribute is (or a NULL arrived, as from
    /// a left join), and the DataJoint type and key membership as field metadata.
    /// </summary>
    public Field Field => new(attribute.Name, type, attribute.Nullable || _sawNull,
        [new("datajoint.type", attribute.Type), new("datajoint.key", attribute.InKey ? "true" : "false")]);

    public abstract IArrowArray Build();

    protected abstract void Append(DbDataReader reader, int ordinal);

    protected abstract void AppendNull();
}

/// <summary>An <see cref="ArrowColumn"/> over one Arrow builder and the reader call that feeds it.</summary>
internal sealed class ArrowColumn<TBuilder>(HeadingAttribute attribute, Apache.Arrow.Types.IArrowType type, TBuilder builder,
    Action<TBuilder, DbDataReader, int> append, Action<TBuilder> appendNull, Func<TBuilder, IArrowArray> build) : ArrowColumn(attribute, type)
{
    public override IArrowArray Build() => build(builder);

    protected override void Append(DbDataReader reader, int ordinal) => append(builder, reader, ordinal);

    protected override void AppendNull() => appendNull(builder);
}
