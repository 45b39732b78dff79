using DataJoint;

namespace WebApi;

/// <summary>Where one tenant's data lives (section <c>Tenants:&lt;name&gt;</c> of the configuration).</summary>
public sealed class TenantOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int? Port { get; set; }

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    public Backend Backend { get; set; } = Backend.MySql;

    public string Schema { get; set; } = "lab_data";
}
