using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace DataJoint;

/// <summary>
/// A NumPy array as a .NET value: its dtype (the element type <typeparamref name="T"/>), its shape and its elements, so
/// that a blob holding it packs back to the same NumPy array. <see cref="Blob.Unpack(byte[])"/> returns one where a plain .NET
/// value would mean another Python type: 0-d arrays (<c>np.float64(3.0)</c>, <c>np.array(True)</c>; a plain
/// <c>double</c> is a Python float), 1-D <c>uint8</c> arrays (a plain <c>byte[]</c> is Python <c>bytes</c>) and 1-D
/// object arrays that are not all strings (a plain <c>object?[]</c> is a tuple).
/// </summary>
/// <remarks>
/// <para>
/// Element types and their dtypes: <c>double</c> float64, <c>float</c> float32, <c>sbyte</c>/<c>short</c>/<c>int</c>/
/// <c>long</c> int8…int64, <c>byte</c>/<c>ushort</c>/<c>uint</c>/<c>ulong</c> uint8…uint64, <c>bool</c> bool,
/// <see cref="Complex"/> complex128, <c>char</c> MATLAB char (NumPy <c>'c'</c>), <c>string</c> a NumPy string array and
/// <c>object?</c> (or any other reference type) an object array, whose elements are packed by their own types. Other
/// value types have no dtype: packing them throws a <see cref="BlobException"/>.
/// </para>
/// <para>
/// Elements are exposed in row-major (C) order, the order of <see cref="Array"/> and of NumPy's default; the blob itself
/// stores them column-major, which <see cref="Blob"/> converts. Instances are immutable; equality is structural over
/// shape and elements (nested arrays, lists and dictionaries compare by content).
/// </para>
/// </remarks>
/// <typeparam name="T">The element type (see the remarks for the supported dtypes).</typeparam>
public sealed class NDArray<T> : IEquatable<NDArray<T>>, IBlobArray
{
    private const int SummaryThreshold = 1000;
    private const int SummaryEdgeItems = 3;

    private static readonly IEqualityComparer<T> ElementComparer =
        typeof(T).IsValueType ? EqualityComparer<T>.Default : (IEqualityComparer<T>)(object)BlobValueComparer.Instance;

    private readonly int[] _shape;
    private readonly T[] _elements;

    /// <summary>Creates an array of the given shape from its elements in row-major (C) order; both are copied.</summary>
    /// <param name="shape">The length of every dimension; empty for a 0-d array (which holds one element).</param>
    /// <param name="elements">The elements in row-major order; as many as the product of <paramref name="shape"/>.</param>
    /// <exception cref="ArgumentException">A length is negative, there are more than 32 dimensions, or the element count does not match the shape.</exception>
    public NDArray(int[] shape, T[] elements)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(elements);
        if (shape.Length > ColumnMajor.MaxRank)
        {
            throw new ArgumentException($"An array has at most {ColumnMajor.MaxRank} dimensions; this shape has {shape.Length}.", nameof(shape));
        }

        long count = 1;
        foreach (var length in shape)
        {
            if (length < 0) throw new ArgumentException($"The shape ({string.Join(", ", shape)}) has a negative length.", nameof(shape));
            count *= length;
        }

        if (count != elements.Length)
        {
            throw new ArgumentException($"The shape ({string.Join(", ", shape)}) holds {count} elements but {elements.Length} were given.", nameof(elements));
        }

        _shape = (int[])shape.Clone();
        _elements = (T[])elements.Clone();
    }

    private NDArray(T[] rowMajor, int[] shape)
    {
        _shape = shape;
        _elements = rowMajor;
    }

    /// <summary>Creates a 0-d array (shape <c>()</c>) holding <paramref name="item"/>, as <c>np.array(item)</c> or a NumPy scalar.</summary>
    /// <param name="item">The only element.</param>
    public static NDArray<T> Scalar(T item) => new([item], []);

    /// <summary>Creates an array with the shape and elements of a .NET array of any rank (copied).</summary>
    /// <param name="array">A <c>T[]</c>, <c>T[,]</c> or higher-rank array of exactly <typeparamref name="T"/>.</param>
    /// <exception cref="ArgumentException">The array's element type is not <typeparamref name="T"/>.</exception>
    public static NDArray<T> FromArray(Array array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.GetType().GetElementType() != typeof(T))
        {
            throw new ArgumentException($"NDArray<{typeof(T).Name}> cannot be made from a {array.GetType()}: the element types differ.", nameof(array));
        }

        var elements = new T[array.Length];
        var i = 0;
        foreach (T element in array) elements[i++] = element;
        return new NDArray<T>(elements, ColumnMajor.Dimensions(array));
    }

    /// <summary>Builds the array from elements in row-major order (the array takes ownership of both arguments).</summary>
    internal static NDArray<T> FromRowMajor(T[] rowMajor, int[] shape) => new(rowMajor, shape);

    /// <summary>Builds the array from elements in the blob's column-major order (the array takes ownership of both arguments).</summary>
    internal static NDArray<T> FromColumnMajor(T[] columnMajor, int[] dims) => new(ColumnMajor.ToRowMajor(columnMajor, dims), dims);

    /// <summary>The length of every dimension; empty for a 0-d array.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions (<c>ndim</c>); 0 for a 0-d array.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (<c>size</c>): the product of the shape, 1 for a 0-d array.</summary>
    public int Length => _elements.Length;

    /// <summary>The elements in row-major (C) order.</summary>
    public ReadOnlySpan<T> Elements => _elements;

    /// <summary>The only element of an array with one element, in particular of a 0-d array (NumPy's <c>item()</c>).</summary>
    /// <exception cref="InvalidOperationException">The array has more or fewer than one element.</exception>
    public T Item => _elements.Length == 1
        ? _elements[0]
        : throw new InvalidOperationException($"Item needs an array with one element; this one has shape {ShapeText()} ({_elements.Length} elements).");

    /// <summary>The element at <paramref name="index"/>, one index per dimension (none for a 0-d array).</summary>
    /// <param name="index">The zero-based index in every dimension.</param>
    /// <exception cref="ArgumentException">The number of indices differs from <see cref="Rank"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its dimension.</exception>
    [IndexerName("ElementAt")] // the default name, Item, is NumPy's item(): the only element
    public T this[params int[] index]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(index);
            if (index.Length != _shape.Length)
            {
                throw new ArgumentException($"The array has {_shape.Length} dimensions but {index.Length} indices were given.", nameof(index));
            }

            var offset = 0;
            for (var k = 0; k < index.Length; k++)
            {
                if ((uint)index[k] >= (uint)_shape[k])
                {
                    throw new ArgumentOutOfRangeException(nameof(index), $"Index {index[k]} is outside dimension {k} of length {_shape[k]}.");
                }

                offset = offset * _shape[k] + index[k];
            }

            return _elements[offset];
        }
    }

    /// <summary>The only element of a one-element (typically 0-d) array, as <see cref="Item"/>.</summary>
    /// <param name="array">The array.</param>
    /// <exception cref="InvalidOperationException">The array has more or fewer than one element.</exception>
    public static explicit operator T(NDArray<T> array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return array.Item;
    }

    /// <summary>Compares shape and elements.</summary>
    public static bool operator ==(NDArray<T>? left, NDArray<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares shape and elements.</summary>
    public static bool operator !=(NDArray<T>? left, NDArray<T>? right) => !(left == right);

    /// <summary>A new .NET array of the same rank and shape: <c>T[]</c> for 1-D, <c>T[,]</c> for 2-D, and so on.</summary>
    /// <exception cref="InvalidOperationException">The array is 0-d (.NET has no rank-0 arrays; use <see cref="Item"/>).</exception>
    public Array ToArray()
    {
        if (_shape.Length == 0) throw new InvalidOperationException("A 0-d array has no .NET array form; read its element with Item.");
        if (_shape.Length == 1) return (T[])_elements.Clone();
        var array = Array.CreateInstance(typeof(T), _shape);
        _elements.CopyTo(ColumnMajor.MemoryOrder<T>(array));
        return array;
    }

    /// <inheritdoc/>
    public bool Equals(NDArray<T>? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!_shape.AsSpan().SequenceEqual(other._shape)) return false;
        for (var i = 0; i < _elements.Length; i++)
        {
            if (!ElementComparer.Equals(_elements[i], other._elements[i])) return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NDArray<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var length in _shape) hash.Add(length);
        for (var i = 0; i < Math.Min(_elements.Length, 8); i++) hash.Add(_elements[i], ElementComparer);
        return hash.ToHashCode();
    }

    /// <summary>The elements nested by dimension, then the dtype and shape, e.g. <c>[[1, 2], [3, 4]] (int32, shape (2, 2))</c>; long arrays are summarized with <c>...</c> as NumPy does.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendDimension(text, 0, 0, summarize: _elements.Length > SummaryThreshold);
        return text.Append(" (").Append(DtypeName).Append(", shape ").Append(ShapeText()).Append(')').ToString();
    }

    Type IBlobArray.ElementType => typeof(T);

    int[] IBlobArray.Dims => _shape;

    Array IBlobArray.RowMajor => _elements;

    private static string DtypeName => Type.GetTypeCode(typeof(T)) switch
    {
        TypeCode.Double => "float64",
        TypeCode.Single => "float32",
        TypeCode.SByte => "int8",
        TypeCode.Byte => "uint8",
        TypeCode.Int16 => "int16",
        TypeCode.UInt16 => "uint16",
        TypeCode.Int32 => "int32",
        TypeCode.UInt32 => "uint32",
        TypeCode.Int64 => "int64",
        TypeCode.UInt64 => "uint64",
        TypeCode.Boolean => "bool",
        TypeCode.Char => "char",
        TypeCode.String => "str",
        _ when typeof(T) == typeof(Complex) => "complex128",
        _ when !typeof(T).IsValueType => "object",
        _ => typeof(T).Name,
    };

    private string ShapeText() => _shape.Length == 1 ? $"({_shape[0]},)" : $"({string.Join(", ", _shape)})";

    /// <summary>Appends the sub-array of dimension <paramref name="dimension"/> that starts at row-major <paramref name="offset"/>.</summary>
    private void AppendDimension(StringBuilder text, int dimension, int offset, bool summarize)
    {
        if (dimension == _shape.Length)
        {
            AppendElement(text, _elements[offset]);
            return;
        }

        var stride = 1;
        for (var k = dimension + 1; k < _shape.Length; k++) stride *= _shape[k];
        var length = _shape[dimension];
        var skipFrom = summarize && length > 2 * SummaryEdgeItems ? SummaryEdgeItems : length;
        text.Append('[');
        for (var i = 0; i < length; i++)
        {
            if (i == skipFrom)
            {
                text.Append("..., ");
                i = length - SummaryEdgeItems;
            }

            AppendDimension(text, dimension + 1, offset + i * stride, summarize);
            if (i < length - 1) text.Append(", ");
        }

        text.Append(']');
    }

    private static void AppendElement(StringBuilder text, T element)
    {
        switch (element)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('\'').Append(s).Append('\'');
                break;
            case Array array: // a nested array by its element type and shape, e.g. Double[1, 2], as its elements could be many
                text.Append(array.GetType().GetElementType()!.Name).Append('[').AppendJoin(", ", ColumnMajor.Dimensions(array)).Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(element);
                break;
        }
    }
}
