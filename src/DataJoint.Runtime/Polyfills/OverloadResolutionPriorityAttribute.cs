#if !NET9_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>
/// .NET 9's attribute, for the .NET 8 build: the C# compiler honours it by name, so interpolated restrictions pick the
/// binding overload there too.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute(int priority) : Attribute
{
    /// <summary>Higher wins among otherwise applicable overloads.</summary>
    public int Priority { get; } = priority;
}
#endif
