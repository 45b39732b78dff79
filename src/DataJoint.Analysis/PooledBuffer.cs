using System.Buffers;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace DataJoint.Analysis;

/// <summary>
/// A growing array of <typeparamref name="T"/> rented from the shared pool while a column is read, so a batch allocates only
/// its finished buffers (a growing builder would leave every smaller copy behind).
/// </summary>
internal sealed class PooledBuffer<T>(int capacity) where T : unmanaged
{
    private T[] _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));

    public int Count { get; private set; }

    /// <summary>Room for <paramref name="more"/> items after the last; the span to write them into.</summary>
    public Span<T> Reserve(int more)
    {
        if (Count + more > _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(Math.Max(_items.Length * 2, Count + more));
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items);
            _items = larger;
        }

        return _items.AsSpan(Count, more);
    }

    /// <summary>Room for <paramref name="more"/> items after the last, as the array to write them into at <see cref="Count"/>.</summary>
    public T[] ReserveArray(int more)
    {
        Reserve(more);
        return _items;
    }

    /// <summary>Appends one item.</summary>
    public void Add(T item)
    {
        if (Count == _items.Length) Reserve(1);
        _items[Count++] = item;
    }

    /// <summary>Counts <paramref name="count"/> items written into the span <see cref="Reserve"/> gave.</summary>
    public void Advance(int count) => Count += count;

    public ref T this[int index] => ref _items[index];

    /// <summary>The items as an Arrow buffer (one exact copy); the rented array goes back to the pool.</summary>
    public ArrowBuffer Build()
    {
        var bytes = MemoryMarshal.AsBytes(_items.AsSpan(0, Count)).ToArray();
        ArrayPool<T>.Shared.Return(_items);
        _items = [];
        Count = 0;
        return new ArrowBuffer(bytes);
    }
}
