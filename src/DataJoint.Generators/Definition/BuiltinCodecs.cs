using System;
using System.Collections.Generic;

namespace DataJoint.Definition;

/// <summary>
/// DataJoint's built-in codecs and the column each declares (its <c>get_dtype</c>, followed down the chain): in-table
/// <c>&lt;blob&gt;</c>/<c>&lt;attach&gt;</c> are <c>bytes</c>; with a store they go through <c>&lt;hash@store&gt;</c>, a
/// <c>json</c> column; <c>&lt;hash&gt;</c>, <c>&lt;object&gt;</c>, <c>&lt;npy&gt;</c> and <c>&lt;filepath&gt;</c> exist only
/// with a store and are <c>json</c>. Shared by the generator and the runtime.
/// </summary>
internal static class BuiltinCodecs
{
    private sealed record Builtin(TypeCategory? InTable, TypeCategory InStore);

    private static readonly Dictionary<string, Builtin> All = new(StringComparer.Ordinal)
    {
        ["blob"] = new(TypeCategory.Bytes, TypeCategory.Json),
        ["attach"] = new(TypeCategory.Bytes, TypeCategory.Json),
        ["hash"] = new(null, TypeCategory.Json),
        ["object"] = new(null, TypeCategory.Json),
        ["npy"] = new(null, TypeCategory.Json),
        ["filepath"] = new(null, TypeCategory.Json),
    };

    public static bool IsBuiltin(string name) => All.ContainsKey(name);

    /// <summary>
    /// The core type a built-in codec's column has; null when the codec is not built in, or cannot be used this way
    /// (<see cref="StoreRequired"/> says why).
    /// </summary>
    public static TypeCategory? StoredCategory(string name, bool inStore) =>
        All.TryGetValue(name, out var codec) ? inStore ? codec.InStore : codec.InTable : null;

    /// <summary>Whether the built-in codec <paramref name="name"/> exists only with a store (<c>&lt;name@store&gt;</c>).</summary>
    public static bool StoreRequired(string name) => All.TryGetValue(name, out var codec) && codec.InTable is null;
}
