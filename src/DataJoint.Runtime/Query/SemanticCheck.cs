namespace DataJoint;

/// <summary>DataJoint 2.x semantic matching (docs/semantics.md#lineage): namesakes must share their lineage.</summary>
internal static class SemanticCheck
{
    public static void AssertCompatible(Heading left, Heading right, IEnumerable<string> namesakes)
    {
        if (!left.LineageAvailable || !right.LineageAvailable) return;
        foreach (var name in namesakes)
        {
            var a = left[name].Lineage;
            var b = right[name].Lineage;
            if (a is null || b is null)
            {
                throw new DataJointException($"Cannot join on attribute `{name}`: lineage missing on one side. "
                    + "Use .Proj() to rename one of the attributes, or pass semanticCheck: false.");
            }

            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                throw new DataJointException($"Cannot join on attribute `{name}`: different lineages ({a} vs {b}). "
                    + "Use .Proj() to rename one of the attributes, or pass semanticCheck: false.");
            }
        }
    }
}
