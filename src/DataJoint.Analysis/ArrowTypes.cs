using Apache.Arrow;
using Apache.Arrow.Types;
using DataJoint.Definition;

namespace DataJoint.Analysis;

/// <summary>
/// The Arrow column of each DataJoint type (docs/analysis.md#arrow): integers and floats by width, <c>decimal(p,s)</c> as
/// Decimal128(p,s), bool as Boolean, text, enums and JSON as Utf8, <c>date</c> as Date32, <c>datetime</c> as a timestamp in
/// microseconds without time zone (DataJoint stores wall-clock times), <c>uuid</c> as the canonical <c>arrow.uuid</c>
/// extension, <c>bytes</c> and in-table codecs (<c>&lt;blob&gt;</c>, <c>&lt;attach&gt;</c>) as Binary holding the stored
/// bytes, codecs kept in a store as Utf8 holding their JSON metadata, native types as their invariant text.
/// </summary>
internal static class ArrowTypes
{
    /// <param name="attribute">The attribute.</param>
    /// <param name="capacity">Rows expected (the batch size; a guess for a whole result).</param>
    public static ArrowColumn ColumnFor(HeadingAttribute attribute, int capacity)
    {
        var spec = TypeClassifier.Classify(attribute.Type) ?? new TypeSpec(TypeCategory.Native, attribute.Type);
        return spec.Category switch
        {
            TypeCategory.Int8 => new FixedWidthColumn<sbyte, Int8Cell>(attribute, Int8Type.Default, capacity),
            TypeCategory.Int16 => new FixedWidthColumn<short, Int16Cell>(attribute, Int16Type.Default, capacity),
            TypeCategory.Int32 => new FixedWidthColumn<int, Int32Cell>(attribute, Int32Type.Default, capacity),
            TypeCategory.Int64 => new FixedWidthColumn<long, Int64Cell>(attribute, Int64Type.Default, capacity),
            TypeCategory.Float32 => new FixedWidthColumn<float, Float32Cell>(attribute, FloatType.Default, capacity),
            TypeCategory.Float64 => new FixedWidthColumn<double, Float64Cell>(attribute, DoubleType.Default, capacity),
            TypeCategory.Decimal => DecimalColumn(attribute, new Decimal128Type(spec.Precision ?? 38, spec.Scale ?? 0)),
            TypeCategory.Bool => new BooleanColumn(attribute, capacity),
            TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum => new VariableWidthColumn(attribute, StringType.Default, rawText: true, capacity),
            TypeCategory.Json or TypeCategory.Native => new VariableWidthColumn(attribute, StringType.Default, rawText: false, capacity),
            TypeCategory.Date => new FixedWidthColumn<int, Date32Cell>(attribute, Date32Type.Default, capacity),
            TypeCategory.DateTime => new FixedWidthColumn<long, TimestampCell>(attribute, WallClock, capacity),
            TypeCategory.Uuid => new BuilderColumn<GuidArray.Builder>(attribute, GuidType.Default, new GuidArray.Builder(),
                (b, r, i) => b.Append(ColumnReader.ReadGuid(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Codec when spec.StoredCategory == TypeCategory.Json => new VariableWidthColumn(attribute, StringType.Default, rawText: false, capacity),
            // Binary columns hold what is stored; a codec whose column is text (a registered codec) is kept as its UTF-8 bytes.
            _ => new VariableWidthColumn(attribute, BinaryType.Default, rawText: false, capacity),
        };
    }

    // Wall-clock values: Arrow's time-zone-naive timestamp.
    private static readonly TimestampType WallClock = new(TimeUnit.Microsecond, (string?)null);

    private static BuilderColumn<Decimal128Array.Builder> DecimalColumn(HeadingAttribute attribute, Decimal128Type type) =>
        new(attribute, type, new Decimal128Array.Builder(type), (b, r, i) => b.Append(ColumnReader.ReadDecimal(r, i, type.Scale)), b => b.AppendNull(), b => b.Build());
}
