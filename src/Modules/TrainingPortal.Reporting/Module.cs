using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;
using TrainingPortal.Reporting.Jobs;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Reporting", "Bi-annual training reports for each agency and the partnership: figures, workbooks, schedule, archive and emails", "Compliance", "Sessions", "Champions", "Evaluation", "Catalogue", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Reports", "/reports", Reporting.Permissions.ViewReports, 670),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReportCalculator>();
        services.AddSingleton<ReportWorkbook>();
        services.AddScoped<ReportMail>();
        services.AddScoped<ReportGenerator>();
        services.AddScoped<ReportArchive>();
        services.AddScoped<BiAnnualReportJob>();
        services.AddTransient<IStartupTask, ScheduleBiAnnualReports>();
    }
}
