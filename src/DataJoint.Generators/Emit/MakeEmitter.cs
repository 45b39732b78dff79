using DataJoint.Definition;
using DataJoint.Generators.Model;

namespace DataJoint.Generators.Emit;

/// <summary>
/// Writes the populate wiring of a Computed or Imported table: an override of <c>CreateMakeBinding</c> that calls every
/// Make form by name. The table's own method binds when it exists; otherwise the call binds to a placeholder on
/// <c>DataJoint.AutoPopulated</c> returning <c>MakeMissing</c>, and overload resolution on <c>MakeBinding&lt;T, Key&gt;</c>
/// records the form as absent. So the generator needs no knowledge of the method signatures and populate needs no
/// reflection: the C# compiler picks the form (precedence at run time: MakeAsync, Make, then the three-part form).
/// </summary>
internal static class MakeEmitter
{
    public static void Emit(CodeWriter w, ResolvedTable resolved)
    {
        if (!resolved.Table.Tier.IsAutoPopulated()) return;
        var self = resolved.Table.ClassName;
        w.Line();
        w.Line("/// <summary>Wires this table's Make method(s) for populate (generated; no reflection).</summary>");
        w.Line(GeneratedCodeMarker.Attribute);
        w.Open("protected override global::DataJoint.MakeBinding CreateMakeBinding()");
        w.Line($"var binding = new global::DataJoint.MakeBinding<{self}, Key>(KeyMapper.Instance);");
        w.Line("binding.UseMake(static (t, k) => t.Make(k));");
        w.Line("binding.UseMakeAsync(static (t, k, ct) => t.MakeAsync(k, ct), static (t, k) => t.MakeAsync(k));");
        w.Line("binding.UseThreePart(binding");
        w.Line("    .Fetch(static (t, k, ct) => t.MakeFetchAsync(k, ct), static (t, k) => t.MakeFetch(k))");
        w.Line("    .Compute(static (t, k, f, ct) => t.MakeComputeAsync(k, f, ct), static (t, k, f) => t.MakeCompute(k, f))");
        w.Line("    .Insert(static (t, k, c, ct) => t.MakeInsertAsync(k, c, ct), static (t, k, c) => t.MakeInsert(k, c)));");
        w.Line("return binding;");
        w.Close();
    }
}
