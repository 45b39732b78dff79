using System.Numerics;

namespace DataJoint.Tests.Codecs;

/// <summary><see cref="NDArray{T}"/>, <see cref="MatCell"/> and <see cref="MatStruct"/> as .NET values, and how hand-made ones pack.</summary>
[Category("Unit")]
public sealed class NDArrayTests
{
    private static readonly NDArray<int> TwoByThree = new([2, 3], [1, 2, 3, 4, 5, 6]);

    [Test]
    public void ElementsAreRowMajorAndIndexedPerDimension()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TwoByThree.Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(TwoByThree.Rank, Is.EqualTo(2));
            Assert.That(TwoByThree.Length, Is.EqualTo(6));
            Assert.That(TwoByThree.Elements.ToArray(), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
            Assert.That(TwoByThree[1, 0], Is.EqualTo(4));
            Assert.That(TwoByThree[0, 2], Is.EqualTo(3));
            Assert.That(TwoByThree.ToArray(), Is.EqualTo(new[,] { { 1, 2, 3 }, { 4, 5, 6 } }).And.TypeOf<int[,]>());
            Assert.That(new NDArray<byte>([2], [7, 8]).ToArray(), Is.EqualTo(new byte[] { 7, 8 }).And.TypeOf<byte[]>());
            Assert.That(NDArray<long>.FromArray(new long[,,] { { { 1, 2 } }, { { 3, 4 } } }).Shape, Is.EqualTo(new[] { 2, 1, 2 }));
            Assert.That(NDArray<int>.FromArray(new[,] { { 1, 2, 3 }, { 4, 5, 6 } }), Is.EqualTo(TwoByThree));
        });
    }

    [Test]
    public void ZeroDimensionalArraysHoldOneItem()
    {
        var scalar = NDArray<double>.Scalar(3.0);
        Assert.Multiple(() =>
        {
            Assert.That(scalar.Shape, Is.Empty);
            Assert.That(scalar.Length, Is.EqualTo(1));
            Assert.That(scalar.Item, Is.EqualTo(3.0));
            Assert.That((double)scalar, Is.EqualTo(3.0));
            Assert.That(scalar[[]], Is.EqualTo(3.0), "no index for no dimensions");
            Assert.That(new NDArray<double>([], [3.0]), Is.EqualTo(scalar));
            Assert.Throws<InvalidOperationException>(() => scalar.ToArray());
            Assert.Throws<InvalidOperationException>(() => _ = TwoByThree.Item);
        });
    }

    [Test]
    public void InvalidShapesAndIndicesAreRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => _ = new NDArray<int>([2, 2], [1, 2, 3]));
            Assert.Throws<ArgumentException>(() => _ = new NDArray<int>([-1], []));
            Assert.Throws<ArgumentException>(() => _ = NDArray<int>.FromArray(new long[] { 1 }));
            Assert.Throws<ArgumentException>(() => _ = TwoByThree[1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = TwoByThree[2, 0]);
        });
    }

    [Test]
    public void EqualityIsStructuralOverShapeAndElements()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new NDArray<int>([2, 3], [1, 2, 3, 4, 5, 6]), Is.EqualTo(TwoByThree));
            Assert.That(new NDArray<int>([2, 3], [1, 2, 3, 4, 5, 6]).GetHashCode(), Is.EqualTo(TwoByThree.GetHashCode()));
            Assert.That(new NDArray<int>([3, 2], [1, 2, 3, 4, 5, 6]), Is.Not.EqualTo(TwoByThree), "same elements, other shape");
            Assert.That(new NDArray<int>([6], [1, 2, 3, 4, 5, 6]) == new NDArray<int>([6], [1, 2, 3, 4, 5, 6]), Is.True);
            Assert.That(new NDArray<object?>([2], [new[] { 1.0 }, "a"]).Equals(new NDArray<object?>([2], [new[] { 1.0 }, "a"])), Is.True,
                "nested arrays compare by content");
            Assert.That(new NDArray<object?>([1], [new[] { 1.0 }]), Is.Not.EqualTo(new NDArray<object?>([1], [new[] { 1f }])), "float64 ≠ float32");
            Assert.That(NDArray<double>.Scalar(double.NaN).Equals(NDArray<double>.Scalar(double.NaN)), Is.True, "NaN equals itself, as double.Equals");
        });
    }

    [Test]
    public void ToStringShowsNestedElementsDtypeAndShape()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TwoByThree.ToString(), Is.EqualTo("[[1, 2, 3], [4, 5, 6]] (int32, shape (2, 3))"));
            Assert.That(NDArray<double>.Scalar(2.5).ToString(), Is.EqualTo("2.5 (float64, shape ())"));
            Assert.That(new NDArray<object?>([3], [1L, "a", null]).ToString(), Is.EqualTo("[1, 'a', null] (object, shape (3,))"));
            Assert.That(MatCell.Row(new double[1, 2], "x").ToString(), Is.EqualTo("MatCell [[Double[1, 2], 'x']] (object, shape (1, 2))"));
            Assert.That(new NDArray<double>([2000], new double[2000]).ToString(), Is.EqualTo("[0, 0, 0, ..., 0, 0, 0] (float64, shape (2000,))"));
        });
    }

    [Test]
    public void HandMadeArraysPackLikeTheMatchingDotNetArrays()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Blob.Pack(TwoByThree), Is.EqualTo(Blob.Pack(new[,] { { 1, 2, 3 }, { 4, 5, 6 } })));
            Assert.That(Blob.Pack(new NDArray<Complex>([2], [new(1, 2), new(3, 4)])), Is.EqualTo(Blob.Pack(new[] { new Complex(1, 2), new Complex(3, 4) })));
            Assert.That(Blob.Pack(new NDArray<object?>([1, 2], ["a", 1L])), Is.EqualTo(Blob.Pack(new object?[,] { { "a", 1L } })));
            Assert.That(Blob.Pack(new NDArray<string>([2], ["a", "b"])), Is.EqualTo(Blob.Pack(new[] { "a", "b" })));
            Assert.That(Blob.Pack(new[] { "a", "b" }), Is.Not.EqualTo(Blob.Pack(new object?[] { "a", "b" })), "a string[] is a NumPy string array, an object?[] a tuple");
            Assert.That(Blob.Pack(new NDArray<byte>([2], [1, 2])), Is.Not.EqualTo(Blob.Pack(new byte[] { 1, 2 })), "a byte[] is Python bytes");
            Assert.That(Blob.Pack(NDArray<int>.Scalar(1))[..4], Is.EqualTo("dj0\0"u8.ToArray()), "0-d arrays need dj0, as in Python");
            Assert.That(Blob.Pack(MatCell.Row(new[,] { { 1.0 } }))[..4], Is.EqualTo("mYm\0"u8.ToArray()), "cells of numeric arrays stay MATLAB-readable");
        });
    }

    [Test]
    public void CellsAndStructsAreValuesToo()
    {
        var structure = new MatStruct(new Dictionary<string, object?> { ["a"] = 1.0, ["b"] = "x" });
        Assert.Multiple(() =>
        {
            Assert.That(MatCell.Row(1.0, "x").Shape, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(MatCell.Row(1.0, "x")[0, 1], Is.EqualTo("x"));
            Assert.That(MatCell.Row(new[] { 1.0 }) == MatCell.Row(new[] { 1.0 }), Is.True);
            Assert.That(structure.FieldNames, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(structure[0, 0]["b"], Is.EqualTo("x"));
            Assert.That(structure, Is.EqualTo(new MatStruct(new Dictionary<string, object?> { ["a"] = 1.0, ["b"] = "x" })));
            Assert.That(structure, Is.Not.EqualTo(new MatStruct(new Dictionary<string, object?> { ["b"] = "x", ["a"] = 1.0 })), "field order is stored");
            Assert.That(Blob.Unpack(Blob.Pack(structure)), Is.EqualTo(structure));
            Assert.Throws<ArgumentException>(() => _ = new MatStruct(["a", "a"], new NDArray<IReadOnlyDictionary<string, object?>>([0], [])));
            Assert.Throws<ArgumentException>(() => _ = new MatStruct(["a"],
                new NDArray<IReadOnlyDictionary<string, object?>>([1], [new Dictionary<string, object?> { ["b"] = 1L }])));
        });
    }

    [Test]
    public void ValuesWithoutADtypeAreRefusedByTypeName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<BlobException>(() => Blob.Pack(new NDArray<decimal>([1], [1m])))!.Message,
                Does.Contain("DataJoint.NDArray<System.Decimal>"));
            Assert.That(Assert.Throws<BlobException>(() => Blob.Pack(new List<object?> { new Queue<int>() }))!.Message,
                Does.Contain("System.Collections.Generic.Queue<System.Int32>"));
            Assert.That(Assert.Throws<BlobException>(() => Blob.Pack(new MatStruct([], new NDArray<IReadOnlyDictionary<string, object?>>([1, 1],
                [new Dictionary<string, object?>()]))))!.Message, Does.Contain("without fields"));
        });
    }
}
