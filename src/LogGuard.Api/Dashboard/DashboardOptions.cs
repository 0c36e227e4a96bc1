namespace LogGuard.Api.Dashboard;

/// <summary>Section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Serve the dashboard at <c>/</c>; on by default. Its data comes from the API, under the API's keys.</summary>
    public bool Enabled { get; set; } = true;
}
