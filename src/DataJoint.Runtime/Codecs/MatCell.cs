namespace DataJoint;

/// <summary>
/// A MATLAB cell array (DataJoint-Python's <c>MatCell</c>): an array of any values, packed as the blob's <c>C</c>
/// structure rather than as a NumPy object array, so a cell written by MATLAB or Python reads back as a cell there.
/// </summary>
/// <remarks>Immutable; equality is structural over shape and cells (nested arrays compare by content).</remarks>
public sealed class MatCell : IEquatable<MatCell>
{
    /// <summary>Creates a cell array with the shape and contents of <paramref name="cells"/>.</summary>
    /// <param name="cells">The cells; MATLAB writes at least two dimensions (a 1×n row for <c>{a, b}</c>).</param>
    public MatCell(NDArray<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Cells = cells;
    }

    /// <summary>Creates a 1×n cell row, as MATLAB's <c>{a, b, …}</c>.</summary>
    /// <param name="cells">The cells, left to right.</param>
    public static MatCell Row(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return new MatCell(new NDArray<object?>([1, cells.Length], cells));
    }

    /// <summary>The cells with their shape, in row-major order.</summary>
    public NDArray<object?> Cells { get; }

    /// <summary>The length of every dimension.</summary>
    public IReadOnlyList<int> Shape => Cells.Shape;

    /// <summary>The cell at <paramref name="index"/>, one zero-based index per dimension.</summary>
    /// <param name="index">The index in every dimension.</param>
    public object? this[params int[] index] => Cells[index];

    /// <summary>Compares shape and cells.</summary>
    public static bool operator ==(MatCell? left, MatCell? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares shape and cells.</summary>
    public static bool operator !=(MatCell? left, MatCell? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(MatCell? other) => other is not null && Cells.Equals(other.Cells);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MatCell);

    /// <inheritdoc/>
    public override int GetHashCode() => Cells.GetHashCode();

    /// <summary>The cells and shape, e.g. <c>MatCell [[1, 'x']] (object, shape (1, 2))</c>.</summary>
    public override string ToString() => "MatCell " + Cells;
}
