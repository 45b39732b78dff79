namespace DataJoint;

/// <summary>
/// The element class of an <c>A</c> (array) value: MATLAB's class ids as mYm writes them, which DataJoint-Python maps to
/// NumPy dtypes (<c>deserialize_lookup</c> in <c>blob.py</c>). Ids from 65536 are NumPy <c>datetime64</c> units.
/// </summary>
internal enum BlobArrayClass : uint
{
    Unknown = 0,
    Cell = 1,
    Struct = 2,
    Logical = 3,
    Char = 4,
    Object = 5,
    Double = 6,
    Single = 7,
    Int8 = 8,
    UInt8 = 9,
    Int16 = 10,
    UInt16 = 11,
    Int32 = 12,
    UInt32 = 13,
    Int64 = 14,
    UInt64 = 15,
    Function = 16,
    FirstDateTime64 = 65_536,
    LastDateTime64 = 65_548,
}
