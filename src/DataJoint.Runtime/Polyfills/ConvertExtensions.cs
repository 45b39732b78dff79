#if !NET9_0_OR_GREATER
namespace DataJoint;

/// <summary>.NET 9's <c>Convert.ToHexStringLower</c>, for the .NET 8 build.</summary>
internal static class ConvertExtensions
{
    extension(Convert)
    {
        public static string ToHexStringLower(byte[] bytes) =>
            Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
#endif
