namespace DataJoint;

/// <summary>What deleting or dropping part rows without their master does (DataJoint's <c>part_integrity</c>).</summary>
public enum PartIntegrity
{
    /// <summary>Refuse to delete part rows whose master rows stay (the default).</summary>
    Enforce,

    /// <summary>Delete part rows alone.</summary>
    Ignore,

    /// <summary>Delete the master rows of the affected part rows too, with all their parts and descendants (delete only).</summary>
    Cascade,
}
