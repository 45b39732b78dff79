namespace DataJoint;

/// <summary>What <see cref="BlobWriter"/> needs of an <see cref="NDArray{T}"/> without knowing its element type.</summary>
internal interface IBlobArray
{
    /// <summary>The element type, which selects the NumPy dtype.</summary>
    Type ElementType { get; }

    /// <summary>The shape (empty for a 0-d array).</summary>
    int[] Dims { get; }

    /// <summary>The elements in row-major order, as a one-dimensional <c>T[]</c> (not a copy: the writer only reads it).</summary>
    Array RowMajor { get; }
}
