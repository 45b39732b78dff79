using System.ComponentModel;

namespace DataJoint;

/// <summary>The three phases of a three-part Make as wired by the generated code (any may be absent). Not meant for user code.</summary>
/// <typeparam name="TTable">The table class.</typeparam>
/// <typeparam name="TKey">Its generated <c>Key</c> record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MakeThreePart<TTable, TKey>
    where TTable : AutoPopulated
    where TKey : IRecord
{
    internal MakeThreePart(MakePhase<TTable, TKey>? fetch, MakePhase<TTable, TKey>? compute, MakePhase<TTable, TKey>? insert)
    {
        Fetch = fetch;
        Compute = compute;
        Insert = insert;
    }

    internal MakePhase<TTable, TKey>? Fetch { get; }

    internal MakePhase<TTable, TKey>? Compute { get; }

    internal MakePhase<TTable, TKey>? Insert { get; }

    internal bool IsComplete => Fetch is not null && Compute is not null && Insert is not null;
}
