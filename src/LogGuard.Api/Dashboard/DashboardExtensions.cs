using LogGuard.Data;
using Microsoft.Extensions.FileProviders;

namespace LogGuard.Api.Dashboard;

public static class DashboardExtensions
{
    /// <summary>
    /// Serves the dashboard's files, shipped beside the binary (the service runs from the repository root, so the
    /// content root's wwwroot is not where they are). The files hold no data: what they show needs the API's keys.
    /// </summary>
    public static WebApplication UseLogGuardDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DataServiceCollectionExtensions.SectionPath(DashboardOptions.SectionName)).Get<DashboardOptions>() ?? new();
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!options.Enabled || !Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
