using Microsoft.CodeAnalysis;

namespace DataJoint.Generators.Model;

/// <summary>A diagnostic as plain values, reported when the pipeline emits.</summary>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Diagnostics.DiagnosticDescriptors.Get(Id), Location?.ToLocation(), Message);
}
