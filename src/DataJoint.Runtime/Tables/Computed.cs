namespace DataJoint;

/// <summary>A table whose rows <c>Make</c> computes from upstream tables (SQL name prefixed with <c>__</c>).</summary>
public abstract class Computed : AutoPopulated;
