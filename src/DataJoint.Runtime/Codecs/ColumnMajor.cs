using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataJoint;

/// <summary>
/// Blob arrays hold their elements in column-major (Fortran/MATLAB) order while .NET multidimensional arrays are
/// row-major: these helpers convert between the two and between a flat element list and a shaped .NET array.
/// </summary>
internal static class ColumnMajor
{
    /// <summary>The most dimensions a .NET array can have.</summary>
    public const int MaxRank = 32;

    /// <summary>
    /// The .NET array of elements read in column-major order with shape <paramref name="dims"/> (one or more
    /// dimensions): the array itself for one, a <c>T[,]</c> (or higher rank) otherwise.
    /// </summary>
    public static Array Shape<T>(T[] columnMajor, int[] dims)
    {
        if (dims.Length == 1) return columnMajor;
        var shaped = dims.Length == 2 ? new T[dims[0], dims[1]] : Array.CreateInstance(typeof(T), dims);
        Reorder<T>(columnMajor, MemoryOrder<T>(shaped), dims, toRowMajor: true);
        return shaped;
    }

    /// <summary>Elements read in column-major order with shape <paramref name="dims"/>, in row-major order (the same array for up to one dimension).</summary>
    public static T[] ToRowMajor<T>(T[] columnMajor, int[] dims)
    {
        if (dims.Length <= 1) return columnMajor;
        var rowMajor = new T[columnMajor.Length];
        Reorder<T>(columnMajor, rowMajor, dims, toRowMajor: true);
        return rowMajor;
    }

    /// <summary>The elements of <paramref name="array"/> (whose element type must be exactly <typeparamref name="T"/>) in column-major order.</summary>
    public static ReadOnlySpan<T> Elements<T>(Array array, int[] dims)
    {
        if (dims.Length == 1) return MemoryOrder<T>(array);
        var columnMajor = new T[array.Length];
        Reorder<T>(MemoryOrder<T>(array), columnMajor, dims, toRowMajor: false);
        return columnMajor;
    }

    /// <summary>The lengths of every dimension of <paramref name="array"/>.</summary>
    public static int[] Dimensions(Array array)
    {
        var dims = new int[array.Rank];
        for (var k = 0; k < dims.Length; k++) dims[k] = array.GetLength(k);
        return dims;
    }

    /// <summary>All elements of an array of any rank (whose element type must be exactly <typeparamref name="T"/>), in memory (row-major) order, without copying.</summary>
    public static Span<T> MemoryOrder<T>(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    /// <summary>Copies between column-major and row-major order by walking the indices first-dimension-fastest.</summary>
    private static void Reorder<T>(ReadOnlySpan<T> source, Span<T> destination, ReadOnlySpan<int> dims, bool toRowMajor)
    {
        var rank = dims.Length;
        Span<int> index = stackalloc int[rank];
        Span<int> rowStride = stackalloc int[rank];
        var stride = 1;
        for (var k = rank - 1; k >= 0; k--)
        {
            rowStride[k] = stride;
            stride *= dims[k];
        }

        var row = 0;
        for (var column = 0; column < source.Length; column++)
        {
            if (toRowMajor) destination[row] = source[column];
            else destination[column] = source[row];
            for (var k = 0; k < rank; k++)
            {
                row += rowStride[k];
                if (++index[k] < dims[k]) break;
                row -= rowStride[k] * dims[k];
                index[k] = 0;
            }
        }
    }
}
