using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DataJoint;

/// <summary>
/// Reads one column as a given CLR type. What a driver returns for a core type that its server stores differently
/// (bool, uuid, int8) is the backend adapter's decision (<see cref="BackendAdapter.ForReader"/>); the other readers only
/// widen or narrow numbers the server returned in another width, reading a driver's 64-bit integer or double (SQLite's
/// only integer and real classes) without boxing it. Used by generated materializers.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ColumnReader
{
    /// <summary>Reads an <c>int8</c>.</summary>
    public static sbyte ReadInt8(DbDataReader reader, int ordinal) => BackendAdapter.ForReader(reader) is { } adapter
        ? adapter.ReadInt8(reader, ordinal)
        : Convert.ToSByte(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Reads an <c>int16</c>.</summary>
    public static short ReadInt16(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) switch
    {
        var t when t == typeof(short) => reader.GetInt16(ordinal),
        var t when t == typeof(long) => checked((short)reader.GetInt64(ordinal)),
        _ => Convert.ToInt16(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
    };

    /// <summary>Reads an <c>int32</c>.</summary>
    public static int ReadInt32(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) switch
    {
        var t when t == typeof(int) => reader.GetInt32(ordinal),
        var t when t == typeof(long) => checked((int)reader.GetInt64(ordinal)),
        _ => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
    };

    /// <summary>Reads an <c>int64</c>.</summary>
    public static long ReadInt64(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(long)
        ? reader.GetInt64(ordinal)
        : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>float32</c>.</summary>
    public static float ReadFloat32(DbDataReader reader, int ordinal) => ConvertsOnRead(reader)
        ? reader.GetFloat(ordinal)
        : reader.GetFieldType(ordinal) switch
        {
            var t when t == typeof(float) => reader.GetFloat(ordinal),
            var t when t == typeof(double) => (float)reader.GetDouble(ordinal),
            _ => Convert.ToSingle(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
        };

    /// <summary>Reads a <c>float64</c>.</summary>
    public static double ReadFloat64(DbDataReader reader, int ordinal) => ConvertsOnRead(reader) || reader.GetFieldType(ordinal) == typeof(double)
        ? reader.GetDouble(ordinal)
        : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>decimal(p,s)</c> with the declared scale (trailing zeros kept, as the servers return them).</summary>
    /// <param name="reader">The reader positioned on the row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="scale">The attribute's declared scale <c>s</c>.</param>
    public static decimal ReadDecimal(DbDataReader reader, int ordinal, int scale) => BackendAdapter.ForReader(reader) is { } adapter
        ? adapter.ReadDecimal(reader, ordinal, scale)
        : reader.GetDecimal(ordinal);

    /// <summary>Reads a <c>bool</c> (stored as a boolean or as a small integer, as the backend declares it).</summary>
    public static bool ReadBool(DbDataReader reader, int ordinal) => BackendAdapter.ForReader(reader) is { } adapter
        ? adapter.ReadBool(reader, ordinal)
        : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture) != 0;

    /// <summary>Reads a string type (<c>char</c>, <c>varchar</c>, <c>enum</c>, text).</summary>
    public static string ReadString(DbDataReader reader, int ordinal) => ConvertsOnRead(reader) || reader.GetFieldType(ordinal) == typeof(string)
        ? reader.GetString(ordinal)
        : reader.GetValue(ordinal) switch
        {
            string s => s,
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        };

    private static bool ConvertsOnRead(DbDataReader reader) => BackendAdapter.ForReader(reader) is { ConvertsOnRead: true };

    /// <summary>Reads a <c>date</c>.</summary>
    public static DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>Reads a <c>datetime</c> (returned with <see cref="DateTimeKind.Unspecified"/>: DataJoint stores wall-clock values).</summary>
    public static DateTime ReadDateTime(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Unspecified);

    /// <summary>Reads a native <c>time</c>.</summary>
    public static TimeSpan ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<TimeSpan>(ordinal);

    /// <summary>Reads a <c>json</c> value.</summary>
    public static JsonNode ReadJson(DbDataReader reader, int ordinal) =>
        JsonNode.Parse(ReadString(reader, ordinal)) ?? JsonValue.Create((string?)null)!;

    /// <summary>Reads a <c>uuid</c> (a native uuid, or 16 bytes in RFC byte order where the backend has no uuid type).</summary>
    public static Guid ReadGuid(DbDataReader reader, int ordinal) => BackendAdapter.ForReader(reader) is { } adapter
        ? adapter.ReadGuid(reader, ordinal)
        : AnyGuid(reader.GetValue(ordinal));

    private static Guid AnyGuid(object value) => value switch
    {
        Guid g => g,
        byte[] bytes => new Guid(bytes, bigEndian: true),
        string s => Guid.Parse(s),
        var other => throw new InvalidCastException($"Cannot read {other.GetType().Name} as a uuid."),
    };

    /// <summary>Reads <c>bytes</c> and other binary columns.</summary>
    public static byte[] ReadBytes(DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    /// <summary>Reads a <c>&lt;blob&gt;</c> column: the stored bytes deserialized (a blob holding Python's None reads as null).</summary>
    public static object ReadBlob(DbDataReader reader, int ordinal) => Blob.Unpack(reader.GetFieldValue<byte[]>(ordinal))!;

    /// <summary>Reads a <c>&lt;hash@store&gt;</c> column: the content its metadata refers to, hash verified.</summary>
    public static byte[] ReadHashed(DbDataReader reader, int ordinal) => StoredReads.Hashed(reader, ordinal);

    /// <summary>Reads a <c>&lt;blob@store&gt;</c> column: the stored content deserialized.</summary>
    public static object ReadStoredBlob(DbDataReader reader, int ordinal) => Blob.Unpack(StoredReads.Hashed(reader, ordinal))!;

    /// <summary>Reads an in-table <c>&lt;attach&gt;</c> column.</summary>
    public static Attachment ReadAttachment(DbDataReader reader, int ordinal) =>
        Attachment.Decode(reader.GetFieldValue<byte[]>(ordinal), StoredReads.Where(reader, ordinal));

    /// <summary>Reads an <c>&lt;attach@store&gt;</c> column: the stored attachment, hash verified.</summary>
    public static Attachment ReadStoredAttachment(DbDataReader reader, int ordinal) =>
        Attachment.Decode(StoredReads.Hashed(reader, ordinal), StoredReads.Where(reader, ordinal));

    /// <summary>Reads an <c>&lt;object@store&gt;</c> column: a lazy handle on the stored file or folder.</summary>
    public static ObjectRef ReadObject(DbDataReader reader, int ordinal) => StoredReads.Object(reader, ordinal, filepath: false);

    /// <summary>Reads a <c>&lt;filepath@store&gt;</c> column: a lazy handle on the referenced file or folder.</summary>
    public static ObjectRef ReadFilepath(DbDataReader reader, int ordinal) => StoredReads.Object(reader, ordinal, filepath: true);

    /// <summary>Reads an <c>&lt;npy@store&gt;</c> column: a lazy handle on the stored array (shape and dtype from the metadata).</summary>
    public static NpyRef ReadNpy(DbDataReader reader, int ordinal) => StoredReads.Array(reader, ordinal);

    /// <summary>Reads a native column as <typeparamref name="T"/>, converting when the driver returns another type.</summary>
    public static T ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) is T value
        ? value
        : (T)ValueConverter.Convert(reader.GetValue(ordinal), typeof(T));

    /// <summary>Reads a custom codec column of a generated row (<c>&lt;graph&gt;</c>, <c>&lt;graph@cold&gt;</c>) through the instance's codecs.</summary>
    /// <param name="reader">The reader positioned on the row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="type">The attribute's type as declared.</param>
    public static T ReadCodec<T>(DbDataReader reader, int ordinal, string type) => CustomCodecs.Read<T>(reader, ordinal, type);

    /// <summary>A codec column read as DataJoint returns it (built-in or custom).</summary>
    internal static object? ReadCodecValue(DbDataReader reader, int ordinal, Definition.TypeSpec spec) => ReadCodec(reader, ordinal, spec);

    /// <summary>A column of a core type read as DataJoint returns it.</summary>
    internal static object? ReadCore(DbDataReader reader, int ordinal, Definition.TypeSpec spec) => ReadValue(reader, ordinal, spec);

    private static object? ReadCodec(DbDataReader reader, int ordinal, Definition.TypeSpec spec) => (spec.CodecName, spec.IsInStore) switch
    {
        ("blob", false) => ReadBlob(reader, ordinal),
        ("blob", true) => ReadStoredBlob(reader, ordinal),
        ("attach", false) => ReadAttachment(reader, ordinal),
        ("attach", true) => ReadStoredAttachment(reader, ordinal),
        ("hash", true) => ReadHashed(reader, ordinal),
        ("object", true) => ReadObject(reader, ordinal),
        ("filepath", true) => ReadFilepath(reader, ordinal),
        ("npy", true) => ReadNpy(reader, ordinal),
        _ when CodecRegistry.IsCustom(spec) => CustomCodecs.Read(reader, ordinal, spec),
        _ when spec.StoredCategory == Definition.TypeCategory.Json => ReadJson(reader, ordinal),
        _ => reader.GetValue(ordinal),
    };

    /// <summary>Reads any column as the CLR value DataJoint returns for its type (used by untyped fetches).</summary>
    internal static object? ReadValue(DbDataReader reader, int ordinal, HeadingAttribute attribute) => ReadValue(reader, ordinal, attribute.Spec);

    private static object? ReadValue(DbDataReader reader, int ordinal, Definition.TypeSpec spec)
    {
        if (reader.IsDBNull(ordinal)) return null;
        return spec.Category switch
        {
            Definition.TypeCategory.Int8 => ReadInt8(reader, ordinal),
            Definition.TypeCategory.Int16 => ReadInt16(reader, ordinal),
            Definition.TypeCategory.Int32 => ReadInt32(reader, ordinal),
            Definition.TypeCategory.Int64 => ReadInt64(reader, ordinal),
            Definition.TypeCategory.Float32 => ReadFloat32(reader, ordinal),
            Definition.TypeCategory.Float64 => ReadFloat64(reader, ordinal),
            Definition.TypeCategory.Bool => ReadBool(reader, ordinal),
            Definition.TypeCategory.Char or Definition.TypeCategory.VarChar or Definition.TypeCategory.Enum => ReadString(reader, ordinal),
            Definition.TypeCategory.Date => ReadDate(reader, ordinal),
            Definition.TypeCategory.DateTime => ReadDateTime(reader, ordinal),
            Definition.TypeCategory.Json => ReadJson(reader, ordinal),
            Definition.TypeCategory.Uuid => ReadGuid(reader, ordinal),
            Definition.TypeCategory.Codec => ReadCodec(reader, ordinal, spec),
            Definition.TypeCategory.Decimal => ReadDecimal(reader, ordinal, spec.Scale ?? 0),
            _ => reader.GetValue(ordinal),
        };
    }
}
