namespace DataJoint;

/// <summary>A foreign key of an existing table.</summary>
/// <param name="ParentSchema">The referenced table's schema.</param>
/// <param name="ParentTable">The referenced table's SQL name.</param>
/// <param name="Attributes">Child attributes in constraint order.</param>
/// <param name="ParentAttributes">The referenced attributes, aligned with <paramref name="Attributes"/>.</param>
internal sealed record ExistingForeignKey(string ParentSchema, string ParentTable, IReadOnlyList<string> Attributes, IReadOnlyList<string> ParentAttributes)
{
    /// <summary>Whether any attribute is renamed (<c>.proj(new="old")</c>).</summary>
    public bool IsRenamed => !Attributes.SequenceEqual(ParentAttributes, StringComparer.Ordinal);
}
