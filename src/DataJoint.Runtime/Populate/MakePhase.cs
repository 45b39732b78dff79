namespace DataJoint;

/// <summary>One phase of the three-part Make: takes the previous phase's value and returns its own.</summary>
internal delegate ValueTask<object?> MakePhase<in TTable, in TKey>(TTable table, TKey key, object? input, bool sync,
    CancellationToken cancellationToken);
