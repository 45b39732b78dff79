namespace DataJoint;

/// <summary>What binding a table class does when the table already exists and differs from the class's definition.</summary>
public enum Validation
{
    /// <summary>Refuse: a <see cref="DefinitionException"/> lists every difference (the default).</summary>
    Strict,

    /// <summary>
    /// Bind anyway and log each difference as a warning (event 7201, category <c>DataJoint.Schema</c>) — for a table that
    /// has drifted from its class and must be read before it is altered. Queries then use the class's definition, so an
    /// attribute the table lacks fails when it is read.
    /// </summary>
    Warn,
}
