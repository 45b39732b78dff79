using System.Data.Common;

namespace DataJoint.Analysis;

/// <summary>
/// How one fixed-width Arrow column reads a cell: with the driver's typed getter when the column's field type is the one
/// expected (decided once per result, see <see cref="Direct"/>), else through <see cref="ColumnReader"/>, which converts
/// what a backend returns in another width.
/// </summary>
internal interface ICellReader<T> where T : unmanaged
{
    /// <summary>Whether the typed getter reads this result's column (the first row decides).</summary>
    static abstract bool Direct(DbDataReader reader, int ordinal);

    static abstract T Read(DbDataReader reader, int ordinal, bool direct);
}

internal readonly struct Int8Cell : ICellReader<sbyte>
{
    // int8 is the adapter's (MySQL's signed tinyint, PostgreSQL's smallint): always through ColumnReader.
    public static bool Direct(DbDataReader reader, int ordinal) => false;

    public static sbyte Read(DbDataReader reader, int ordinal, bool direct) => ColumnReader.ReadInt8(reader, ordinal);
}

internal readonly struct Int16Cell : ICellReader<short>
{
    public static bool Direct(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(short);

    public static short Read(DbDataReader reader, int ordinal, bool direct) => direct ? reader.GetInt16(ordinal) : ColumnReader.ReadInt16(reader, ordinal);
}

internal readonly struct Int32Cell : ICellReader<int>
{
    public static bool Direct(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(int);

    public static int Read(DbDataReader reader, int ordinal, bool direct) => direct ? reader.GetInt32(ordinal) : ColumnReader.ReadInt32(reader, ordinal);
}

internal readonly struct Int64Cell : ICellReader<long>
{
    public static bool Direct(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(long);

    public static long Read(DbDataReader reader, int ordinal, bool direct) => direct ? reader.GetInt64(ordinal) : ColumnReader.ReadInt64(reader, ordinal);
}

internal readonly struct Float32Cell : ICellReader<float>
{
    public static bool Direct(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(float);

    public static float Read(DbDataReader reader, int ordinal, bool direct) => direct ? reader.GetFloat(ordinal) : ColumnReader.ReadFloat32(reader, ordinal);
}

internal readonly struct Float64Cell : ICellReader<double>
{
    public static bool Direct(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(double);

    public static double Read(DbDataReader reader, int ordinal, bool direct) => direct ? reader.GetDouble(ordinal) : ColumnReader.ReadFloat64(reader, ordinal);
}

/// <summary>A <c>date</c> as Arrow's Date32: days since 1970-01-01.</summary>
internal readonly struct Date32Cell : ICellReader<int>
{
    private static readonly int Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    // Drivers that return dates as DateTime read them without the boxing GetFieldValue<DateOnly> costs on MySqlConnector.
    public static bool Direct(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(DateTime);

    public static int Read(DbDataReader reader, int ordinal, bool direct) =>
        (direct ? DateOnly.FromDateTime(reader.GetDateTime(ordinal)) : ColumnReader.ReadDate(reader, ordinal)).DayNumber - Epoch;
}

/// <summary>A <c>datetime</c> as microseconds since 1970-01-01 of its wall-clock value.</summary>
internal readonly struct TimestampCell : ICellReader<long>
{
    public static bool Direct(DbDataReader reader, int ordinal) => false;

    public static long Read(DbDataReader reader, int ordinal, bool direct) =>
        (ColumnReader.ReadDateTime(reader, ordinal).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}
