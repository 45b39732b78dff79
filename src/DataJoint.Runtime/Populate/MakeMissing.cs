using System.ComponentModel;

namespace DataJoint;

/// <summary>
/// Returned by the placeholder <c>Make*</c> members of <see cref="AutoPopulated"/>. The generated wiring calls every
/// Make form by name; a form the table does not declare binds to the placeholder, and its result type tells the
/// wiring (at compile time, through overload resolution) that the form is absent. Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MakeMissing
{
    private MakeMissing()
    {
    }

    internal static MakeMissing Value { get; } = new();
}
