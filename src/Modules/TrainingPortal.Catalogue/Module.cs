using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Recipes;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;

namespace TrainingPortal.Catalogue;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Catalogue", "Courses and their versions, e-learning, training records, certificates and GCP2 licensing", "Agencies", "Identity");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Courses", "/courses", Catalogue.Permissions.Learn, 10),
        new("My learning", "/my-learning", Catalogue.Permissions.Learn, 20),
        new("Manage courses", "/catalogue/courses", Catalogue.Permissions.ManageCourses, 700),
        new("Approvals", "/catalogue/approvals", Catalogue.Permissions.ApproveExternalTraining, 710),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CourseCatalogue>();
        services.AddScoped<CourseEditor>();
        services.AddScoped<ELearning>();
        services.AddScoped<TrainingRecords>();
        services.AddScoped<Qualifications>();
        services.AddScoped<Certificates>();
        services.AddScoped<CourseResources>();
        services.AddSingleton<LessonRenderer>();
        services.AddSingleton<PdfPrinter>();
        services.AddScoped<IRecipeStep, CoursesRecipeStep>();
        services.AddScoped<IRecipeStep, SampleTrainingRecordsRecipeStep>();
        services.AddScoped<IRecipeStep, TrainingRecordsRecipeStep>();
        services.AddScoped<IScaleSeeder, CatalogueScaleSeeder>();
        services.AddSingleton<TrainingPortal.Agencies.Services.IStaffRecordLink, TrainingRecordLink>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // One stylesheet for the served certificate and the printed PDF, so they cannot drift apart.
        endpoints.MapGet("/certificates/certificate.css", () => Results.Text(CertificateDocument.Stylesheet, "text/css")).AllowAnonymous();
    }
}

/// <summary>Links a member of staff's record to their training.</summary>
internal sealed class TrainingRecordLink : TrainingPortal.Agencies.Services.IStaffRecordLink
{
    public string Text => "Training record";

    public string Url(Guid agencyId, Guid practitionerId) => $"/agencies/{agencyId}/practitioners/{practitionerId}/training";
}
