using Apache.Arrow;

namespace DataJoint.Analysis;

/// <summary>A column's validity bits, kept only once a NULL arrives (a column without NULLs has no bitmap in Arrow).</summary>
internal sealed class ValidityBitmap
{
    private PooledBuffer<byte>? _bits;

    public int NullCount { get; private set; }

    /// <summary>Records whether the value at <paramref name="index"/> (the next one) is valid.</summary>
    public void Set(int index, bool valid)
    {
        if (!valid)
        {
            NullCount++;
            if (_bits is null)
            {
                // Every value before the first NULL was valid.
                _bits = new PooledBuffer<byte>((index >> 3) + 64);
                var full = _bits.Reserve((index >> 3) + 1);
                full.Fill(0xFF);
                _bits.Advance(full.Length);
                full[^1] = (byte)((1 << (index & 7)) - 1);
                return;
            }
        }
        else if (_bits is null)
        {
            return;
        }

        if ((index & 7) == 0 && index >> 3 == _bits.Count) _bits.Add(0);
        if (valid) _bits[index >> 3] |= (byte)(1 << (index & 7));
    }

    public ArrowBuffer Build() => _bits?.Build() ?? ArrowBuffer.Empty;
}
