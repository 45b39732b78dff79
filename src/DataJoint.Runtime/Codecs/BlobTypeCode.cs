namespace DataJoint;

/// <summary>
/// The one-byte code that starts every value in a DataJoint blob (datajoint-python <c>blob.py</c>): the MATLAB mYm
/// structures <c>A</c>/<c>P</c>/<c>S</c>/<c>C</c>, and the Python types of the <c>dj0</c> protocol.
/// </summary>
internal static class BlobTypeCode
{
    /// <summary>A numeric, logical, char or object array with dimensions and a class id (MATLAB compatible).</summary>
    public const byte Array = (byte)'A';

    /// <summary>A MATLAB sparse array (DataJoint-Python cannot read it either).</summary>
    public const byte SparseArray = (byte)'P';

    /// <summary>A MATLAB struct array.</summary>
    public const byte Struct = (byte)'S';

    /// <summary>A MATLAB cell array.</summary>
    public const byte Cell = (byte)'C';

    /// <summary>A NumPy array with named fields (record array).</summary>
    public const byte RecordArray = (byte)'F';

    /// <summary>Python <c>None</c>.</summary>
    public const byte None = 0xFF;

    /// <summary>A Python tuple (immutable sequence).</summary>
    public const byte Tuple = 0x01;

    /// <summary>A Python list (mutable sequence).</summary>
    public const byte List = 0x02;

    /// <summary>A Python set.</summary>
    public const byte Set = 0x03;

    /// <summary>A Python dict (mapping).</summary>
    public const byte Dict = 0x04;

    /// <summary>A UTF-8 string.</summary>
    public const byte String = 0x05;

    /// <summary>A byte string.</summary>
    public const byte Bytes = 0x06;

    /// <summary>An unbounded integer: uint16 byte count, then little-endian two's complement.</summary>
    public const byte Int = 0x0A;

    /// <summary>A boolean byte.</summary>
    public const byte Bool = 0x0B;

    /// <summary>A complex number: two float64.</summary>
    public const byte Complex = 0x0C;

    /// <summary>A float64.</summary>
    public const byte Float = 0x0D;

    /// <summary>A decimal written as its Python string.</summary>
    public const byte Decimal = (byte)'d';

    /// <summary>A date, time or datetime: int32 yyyymmdd and int64 hhmmssuuuuuu, -1 for the missing part.</summary>
    public const byte DateTime = (byte)'t';

    /// <summary>A UUID: 16 bytes in RFC (big-endian) order.</summary>
    public const byte Uuid = (byte)'u';
}
