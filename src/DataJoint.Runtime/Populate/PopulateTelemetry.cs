using System.Diagnostics;

namespace DataJoint;

/// <summary>
/// Tracing for populate: the <c>DataJoint</c> activity source emits a <c>populate</c> span per call and a <c>make</c> span per
/// key (tags: <c>db.system</c>, <c>datajoint.table</c>, <c>datajoint.key</c>, <c>datajoint.outcome</c>).
/// </summary>
internal static class PopulateTelemetry
{
    public static readonly ActivitySource Source = new("DataJoint");
}
