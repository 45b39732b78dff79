namespace DataJoint;

/// <summary>Base of the tiers whose rows <c>Make</c> writes during populate (<see cref="Imported"/>, <see cref="Computed"/>).</summary>
public abstract class AutoPopulated : UserTable
{
    /// <inheritdoc/>
    protected internal override bool RequiresMakeForInsert => true;
}
