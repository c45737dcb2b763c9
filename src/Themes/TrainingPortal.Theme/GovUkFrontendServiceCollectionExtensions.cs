using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Theme.ModelBinding;

namespace TrainingPortal.Theme;

public static class GovUkFrontendServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the theme's GOV.UK form tag helpers need on the server: binding of
    /// <c>&lt;govuk-date-input&gt;</c> day, month and year boxes to <see cref="DateOnly"/> and <see cref="DateOnly"/>?.
    /// Call once from the host; the order relative to <c>AddRazorPages()</c> does not matter.
    /// </summary>
    public static IServiceCollection AddGovUkFrontend(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.Configure<MvcOptions>(options =>
        {
            if (!options.ModelBinderProviders.OfType<DateInputModelBinderProvider>().Any())
            {
                options.ModelBinderProviders.Insert(0, new DateInputModelBinderProvider());
            }
        });
        return services;
    }
}
