using System.Numerics;

namespace DataJoint.Tests.Codecs;

/// <summary>
/// Blobs exactly as DataJoint-Python's <c>blob.pack</c> writes them, derived by hand from <c>datajoint/blob.py</c> and
/// checked against it. Layout: a 4-byte protocol header (<c>6d596d00</c> "mYm\0" for plain NumPy arrays, <c>646a3000</c>
/// "dj0\0" once anything else is packed), a one-byte type code, then the content; every length and count is uint64
/// little-endian and every collection element is prefixed by its own uint64 byte length.
/// </summary>
internal static class PythonBlobVectors
{
    private const string Dj0 = "646a3000";
    private const string Mym = "6d596d00";

    /// <summary>Values whose .NET and Python forms map both ways: Pack gives these bytes and Unpack gives the value back.</summary>
    public static IEnumerable<TestCaseData> TwoWay()
    {
        // pack_none: 0xFF.
        yield return Case("None", null, Dj0 + "ff");
        // pack_bool: 0x0B + one byte.
        yield return Case("True", true, Dj0 + "0b01");
        yield return Case("False", false, Dj0 + "0b00");
        // pack_int: 0x0A + uint16 n + n bytes little-endian two's complement, n = bit_length(|v|) // 8 + 1.
        yield return Case("int 0", 0L, Dj0 + "0a" + "0100" + "00");
        yield return Case("int 127", 127L, Dj0 + "0a" + "0100" + "7f");
        yield return Case("int 128 (bit_length 8 -> 2 bytes)", 128L, Dj0 + "0a" + "0200" + "8000");
        yield return Case("int -1", -1L, Dj0 + "0a" + "0100" + "ff");
        yield return Case("int -128 (bit_length 8 -> 2 bytes)", -128L, Dj0 + "0a" + "0200" + "80ff");
        yield return Case("int -129", -129L, Dj0 + "0a" + "0200" + "7fff");
        yield return Case("int 300", 300L, Dj0 + "0a" + "0200" + "2c01");
        yield return Case("int 2**63-1", long.MaxValue, Dj0 + "0a" + "0800" + "ffffffffffffff7f");
        yield return Case("int -2**63 (bit_length 64 -> 9 bytes)", long.MinValue, Dj0 + "0a" + "0900" + "0000000000000080" + "ff");
        yield return Case("int 2**64", BigInteger.Pow(2, 64), Dj0 + "0a" + "0900" + "0000000000000000" + "01");
        // pack_float: 0x0D + float64 (3.5 = 0x400C000000000000).
        yield return Case("float 3.5", 3.5, Dj0 + "0d" + "0000000000000c40");
        // pack_string: 0x05 + uint64 UTF-8 length + UTF-8.
        yield return Case("str abc", "abc", Dj0 + "05" + "0300000000000000" + "616263");
        yield return Case("str empty", "", Dj0 + "05" + "0000000000000000");
        yield return Case("str é (2 UTF-8 bytes)", "é", Dj0 + "05" + "0200000000000000" + "c3a9");
        // pack_bytes: 0x06 + uint64 length + bytes.
        yield return Case("bytes", new byte[] { 0, 1 }, Dj0 + "06" + "0200000000000000" + "0001");
        // pack_list: 0x02 + uint64 count + per element (uint64 length + packed element without header).
        yield return Case("list [1, 'a']", new List<object?> { 1L, "a" },
            Dj0 + "02" + "0200000000000000" + "0400000000000000" + "0a010001" + "0a00000000000000" + "050100000000000000" + "61");
        // pack_tuple: the same with 0x01.
        yield return Case("tuple (1, 2)", new object?[] { 1L, 2L },
            Dj0 + "01" + "0200000000000000" + "0400000000000000" + "0a010001" + "0400000000000000" + "0a010002");
        // pack_set: the same with 0x03.
        yield return Case("set {7}", new HashSet<object?> { 7L }, Dj0 + "03" + "0100000000000000" + "0400000000000000" + "0a010007");
        // pack_dict: 0x04 + uint64 count + per pair (sized key, sized value).
        yield return Case("dict {'a': 1}", new Dictionary<string, object?> { ["a"] = 1L },
            Dj0 + "04" + "0100000000000000" + "0a00000000000000" + "05010000000000000061" + "0400000000000000" + "0a010001");
        yield return Case("dict {'n': [1.5, None], 't': 'x'}", new Dictionary<string, object?> { ["n"] = new List<object?> { 1.5, null }, ["t"] = "x" },
            Dj0 + "04" + "0200000000000000"
            + "0a00000000000000" + "0501000000000000006e"
            + "2300000000000000" + "02" + "0200000000000000" + "0900000000000000" + "0d000000000000f83f" + "0100000000000000" + "ff"
            + "0a00000000000000" + "05010000000000000074"
            + "0a00000000000000" + "05010000000000000078");
        // pack_decimal: 'd' + uint64 length + str(Decimal).
        yield return Case("Decimal('1.50')", 1.50m, Dj0 + "64" + "0400000000000000" + "312e3530");
        // pack_datetime: 't' + int32 yyyymmdd + int64 hhmmss*10**6 + microseconds, -1 for a missing part.
        // 20240102 = 0x0134D6E6; 030405678900 = 0x071451D734.
        yield return Case("datetime(2024,1,2,3,4,5,678900)", new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(6_789_000),
            Dj0 + "74" + "e6d63401" + "34d7511407000000");
        yield return Case("date(2024,1,2)", new DateOnly(2024, 1, 2), Dj0 + "74" + "e6d63401" + "ffffffffffffffff");
        // 131415000000 = 0x1E98F1C3C0.
        yield return Case("time(13,14,15)", new TimeOnly(13, 14, 15), Dj0 + "74" + "ffffffff" + "c0c3f1981e000000");
        // pack_uuid: 'u' + the 16 bytes in RFC order.
        yield return Case("UUID", Guid.Parse("12345678-9abc-def0-1234-56789abcdef0"), Dj0 + "75" + "123456789abcdef0123456789abcdef0");
        // pack_complex: 0x0C + complex128 (real, imaginary float64).
        yield return Case("complex(1, -2)", new Complex(1, -2), Dj0 + "0c" + "000000000000f03f" + "00000000000000c0");

        // pack_array: 'A' + uint64 ndim + uint64 per dimension + uint32 class id + uint32 is_complex + data in Fortran order.
        // A NumPy array with ndim > 0 keeps the mYm protocol.
        yield return Case("float64 [1, 2]", new[] { 1.0, 2.0 },
            Mym + "41" + "0100000000000000" + "0200000000000000" + "06000000" + "00000000" + "000000000000f03f" + "0000000000000040");
        // [[1,2,3],[4,5,6]] in column-major order is 1 4 2 5 3 6; int32 is class 12.
        yield return Case("int32 2x3", new[,] { { 1, 2, 3 }, { 4, 5, 6 } },
            Mym + "41" + "0200000000000000" + "0200000000000000" + "0300000000000000" + "0c000000" + "00000000"
            + "01000000" + "04000000" + "02000000" + "05000000" + "03000000" + "06000000");
        // arange(8).reshape(2,2,2) (element [i,j,k] = 4i+2j+k) in column-major order is 0 4 2 6 1 5 3 7; int64 is class 14.
        yield return Case("int64 2x2x2", new long[,,] { { { 0, 1 }, { 2, 3 } }, { { 4, 5 }, { 6, 7 } } },
            Mym + "41" + "0300000000000000" + "0200000000000000" + "0200000000000000" + "0200000000000000" + "0e000000" + "00000000"
            + "0000000000000000" + "0400000000000000" + "0200000000000000" + "0600000000000000"
            + "0100000000000000" + "0500000000000000" + "0300000000000000" + "0700000000000000");
        yield return Case("int16 [-2]", new short[] { -2 }, Mym + "41" + "0100000000000000" + "0100000000000000" + "0a000000" + "00000000" + "feff");
        yield return Case("uint64 [2**64-1]", new[] { ulong.MaxValue },
            Mym + "41" + "0100000000000000" + "0100000000000000" + "0f000000" + "00000000" + "ffffffffffffffff");
        yield return Case("float32 [0.5]", new[] { 0.5f }, Mym + "41" + "0100000000000000" + "0100000000000000" + "07000000" + "00000000" + "0000003f");
        yield return Case("bool [True, False]", new[] { true, false },
            Mym + "41" + "0100000000000000" + "0200000000000000" + "03000000" + "00000000" + "0100");
        // Complex arrays: is_complex = 1, the real parts, then the imaginary parts.
        yield return Case("complex128 [1+2j, 3-4j]", new[] { new Complex(1, 2), new Complex(3, -4) },
            Mym + "41" + "0100000000000000" + "0200000000000000" + "06000000" + "01000000"
            + "000000000000f03f" + "0000000000000840" + "0000000000000040" + "00000000000010c0");
    }

    private static TestCaseData Case(string name, object? value, string hex) => new TestCaseData(value, hex).SetArgDisplayNames(name);

    /// <summary>Hex (spaces allowed) to bytes.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
