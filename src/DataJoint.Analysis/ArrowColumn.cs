using System.Data.Common;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace DataJoint.Analysis;

/// <summary>One attribute's Arrow column being built row by row, straight off the reader (no boxed value per cell).</summary>
internal abstract class ArrowColumn(HeadingAttribute attribute, IArrowType type)
{
    protected IArrowType Type { get; } = type;

    protected abstract bool SawNull { get; }

    /// <summary>Appends the reader's value at <paramref name="ordinal"/>, or a null.</summary>
    public abstract void Read(DbDataReader reader, int ordinal);

    /// <summary>
    /// The column's field: the attribute's name, its Arrow type, nullable when the attribute is (or a NULL arrived, as from
    /// a left join), and the DataJoint type and key membership as field metadata.
    /// </summary>
    public Field Field => new(attribute.Name, Type, attribute.Nullable || SawNull,
        [new("datajoint.type", attribute.Type), new("datajoint.key", attribute.InKey ? "true" : "false")]);

    /// <summary>The finished array; the column is spent afterwards.</summary>
    public abstract IArrowArray Build();
}

/// <summary>A column written into Arrow's buffers directly: a validity bitmap (once a NULL arrives) and the value buffers.</summary>
internal abstract class BufferColumn(HeadingAttribute attribute, IArrowType type) : ArrowColumn(attribute, type)
{
    private readonly ValidityBitmap _validity = new();

    protected int Length { get; private set; }

    protected override bool SawNull => _validity.NullCount > 0;

    public sealed override void Read(DbDataReader reader, int ordinal)
    {
        var valid = !reader.IsDBNull(ordinal);
        _validity.Set(Length, valid);
        if (valid) Append(reader, ordinal);
        else AppendNull();
        Length++;
    }

    protected abstract void Append(DbDataReader reader, int ordinal);

    protected abstract void AppendNull();

    protected abstract ArrowBuffer[] BuildValues();

    public sealed override IArrowArray Build()
    {
        var nulls = _validity.NullCount;
        ArrowBuffer[] buffers = [_validity.Build(), .. BuildValues()];
        return ArrowArrayFactory.BuildArray(new ArrayData(Type, Length, nulls, 0, buffers));
    }
}

/// <summary>A fixed-width column (integers, floats, dates, timestamps): one value buffer, read by <typeparamref name="TCell"/>.</summary>
internal sealed class FixedWidthColumn<T, TCell>(HeadingAttribute attribute, IArrowType type, int capacity) : BufferColumn(attribute, type)
    where T : unmanaged
    where TCell : struct, ICellReader<T>
{
    private readonly PooledBuffer<T> _values = new(capacity);
    private bool? _direct;

    protected override void Append(DbDataReader reader, int ordinal)
    {
        var direct = _direct ??= TCell.Direct(reader, ordinal);
        _values.Add(TCell.Read(reader, ordinal, direct));
    }

    protected override void AppendNull() => _values.Add(default);

    protected override ArrowBuffer[] BuildValues() => [_values.Build()];
}

/// <summary>A <c>bool</c> column: values bit-packed as Arrow's Boolean.</summary>
internal sealed class BooleanColumn(HeadingAttribute attribute, int capacity) : BufferColumn(attribute, BooleanType.Default)
{
    private readonly PooledBuffer<byte> _bits = new((capacity >> 3) + 1);

    protected override void Append(DbDataReader reader, int ordinal)
    {
        NextBit();
        if (ColumnReader.ReadBool(reader, ordinal)) _bits[Length >> 3] |= (byte)(1 << (Length & 7));
    }

    protected override void AppendNull() => NextBit();

    private void NextBit()
    {
        if ((Length & 7) == 0) _bits.Add(0);
    }

    protected override ArrowBuffer[] BuildValues() => [_bits.Build()];
}

/// <summary>An <see cref="ArrowColumn"/> over one of Arrow's builders (decimals, uuids, binary: types read less often).</summary>
internal sealed class BuilderColumn<TBuilder>(HeadingAttribute attribute, IArrowType type, TBuilder builder,
    Action<TBuilder, DbDataReader, int> append, Action<TBuilder> appendNull, Func<TBuilder, IArrowArray> build) : ArrowColumn(attribute, type)
{
    private bool _sawNull;

    protected override bool SawNull => _sawNull;

    public override void Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            _sawNull = true;
            appendNull(builder);
        }
        else
        {
            append(builder, reader, ordinal);
        }
    }

    public override IArrowArray Build() => build(builder);
}
