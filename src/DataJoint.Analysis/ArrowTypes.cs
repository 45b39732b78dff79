using System.Data.Common;
using System.Text;
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
    public static ArrowColumn ColumnFor(HeadingAttribute attribute)
    {
        var spec = TypeClassifier.Classify(attribute.Type) ?? new TypeSpec(TypeCategory.Native, attribute.Type);
        return spec.Category switch
        {
            TypeCategory.Int8 => Column(attribute, Int8Type.Default, new Int8Array.Builder(), (b, r, i) => b.Append(ColumnReader.ReadInt8(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Int16 => Column(attribute, Int16Type.Default, new Int16Array.Builder(), (b, r, i) => b.Append(ColumnReader.ReadInt16(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Int32 => Column(attribute, Int32Type.Default, new Int32Array.Builder(), (b, r, i) => b.Append(ColumnReader.ReadInt32(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Int64 => Column(attribute, Int64Type.Default, new Int64Array.Builder(), (b, r, i) => b.Append(ColumnReader.ReadInt64(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Float32 => Column(attribute, FloatType.Default, new FloatArray.Builder(), (b, r, i) => b.Append(ColumnReader.ReadFloat32(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Float64 => Column(attribute, DoubleType.Default, new DoubleArray.Builder(), (b, r, i) => b.Append(ColumnReader.ReadFloat64(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Decimal => DecimalColumn(attribute, new Decimal128Type(spec.Precision ?? 38, spec.Scale ?? 0)),
            TypeCategory.Bool => Column(attribute, BooleanType.Default, new BooleanArray.Builder(), (b, r, i) => b.Append(ColumnReader.ReadBool(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum or TypeCategory.Json or TypeCategory.Native => TextColumn(attribute),
            TypeCategory.Date => Column(attribute, Date32Type.Default, new Date32Array.Builder(), (b, r, i) => b.Append(ColumnReader.ReadDate(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.DateTime => Column(attribute, WallClock, new TimestampArray.Builder(WallClock),
                (b, r, i) => b.Append(new DateTimeOffset(DateTime.SpecifyKind(ColumnReader.ReadDateTime(r, i), DateTimeKind.Utc))), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Uuid => Column(attribute, GuidType.Default, new GuidArray.Builder(), (b, r, i) => b.Append(ColumnReader.ReadGuid(r, i)), b => b.AppendNull(), b => b.Build()),
            TypeCategory.Codec when spec.StoredCategory == TypeCategory.Json => TextColumn(attribute),
            _ => BinaryColumn(attribute),
        };
    }

    // Wall-clock values: Arrow's time-zone-naive timestamp.
    private static readonly TimestampType WallClock = new(TimeUnit.Microsecond, (string?)null);

    private static ArrowColumn<TBuilder> Column<TBuilder>(HeadingAttribute attribute, IArrowType type, TBuilder builder,
        Action<TBuilder, DbDataReader, int> append, Action<TBuilder> appendNull, Func<TBuilder, IArrowArray> build) =>
        new(attribute, type, builder, append, appendNull, build);

    private static ArrowColumn<Decimal128Array.Builder> DecimalColumn(HeadingAttribute attribute, Decimal128Type type) =>
        Column(attribute, type, new Decimal128Array.Builder(type), (b, r, i) => b.Append(ColumnReader.ReadDecimal(r, i)), b => b.AppendNull(), b => b.Build());

    private static ArrowColumn<StringArray.Builder> TextColumn(HeadingAttribute attribute) =>
        Column(attribute, StringType.Default, new StringArray.Builder(), (b, r, i) => b.Append(ColumnReader.ReadString(r, i)), b => b.AppendNull(), b => b.Build());

    // Binary columns hold what is stored; a codec whose column is text (a registered codec) is kept as its UTF-8 bytes.
    private static ArrowColumn<BinaryArray.Builder> BinaryColumn(HeadingAttribute attribute) =>
        Column(attribute, BinaryType.Default, new BinaryArray.Builder(), (b, r, i) => b.Append(r.GetValue(i) switch
        {
            byte[] bytes => bytes,
            var text => Encoding.UTF8.GetBytes(Convert.ToString(text, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        }), b => b.AppendNull(), b => b.Build());
}
