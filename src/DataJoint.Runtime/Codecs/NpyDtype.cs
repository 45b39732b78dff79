using System.Runtime.CompilerServices;

namespace DataJoint;

/// <summary>A NumPy dtype with a .NET element type: its <c>descr</c> (<c>&lt;f8</c>), its name (<c>float64</c>) and size.</summary>
internal abstract class NpyDtype(Type elementType, string code, string name, int size)
{
    public Type ElementType { get; } = elementType;

    /// <summary>The header's <c>descr</c>: byte order (<c>&lt;</c>, or <c>|</c> for single bytes) and kind + size.</summary>
    public string Descr { get; } = (size == 1 ? "|" : "<") + code;

    /// <summary><c>str(array.dtype)</c>, as DataJoint's metadata records it.</summary>
    public string Name { get; } = name;

    public int Size { get; } = size;

    public abstract Array NewElements(int count);

    public abstract object Wrap(Array rowMajor, int[] shape);

    public abstract Array ToRowMajor(Array columnMajor, int[] shape);

    /// <summary>Reverses the bytes of every scalar (a complex number is two).</summary>
    public void SwapBytes(Span<byte> bytes)
    {
        var scalar = ElementType == typeof(System.Numerics.Complex) ? Size / 2 : Size;
        for (var i = 0; i < bytes.Length; i += scalar) bytes.Slice(i, scalar).Reverse();
    }
}

/// <inheritdoc />
internal sealed class NpyDtype<T>(string code, string name) : NpyDtype(typeof(T), code, name, Unsafe.SizeOf<T>())
    where T : unmanaged
{
    public override Array NewElements(int count) => new T[count];

    public override object Wrap(Array rowMajor, int[] shape) => NDArray<T>.FromRowMajor((T[])rowMajor, shape);

    public override Array ToRowMajor(Array columnMajor, int[] shape) => ColumnMajor.ToRowMajor((T[])columnMajor, shape);
}
