using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Sessions.Jobs;
using TrainingPortal.Sessions.Recipes;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Sessions", "Scheduled sessions, bookings, waitlists, approvals, registers, calendar invites and charges", "Catalogue", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("My bookings", "/my-bookings", Sessions.Permissions.BookSessions, 30),
        new("Agency bookings", "/sessions/agency", Sessions.Permissions.ManageAgencyBookings, 120),
        new("My sessions", "/sessions/mine", Sessions.Permissions.TakeRegisters, 400),
        new("Sessions", "/sessions", Sessions.Permissions.ScheduleSessions, 650),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BookingService>();
        services.AddScoped<SessionScheduler>();
        services.AddScoped<Registers>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<SessionMail>();
        services.AddScoped<RegisterExport>();
        services.AddScoped<ChargesExport>();
        services.AddScoped<SessionSettingsEditor>();
        services.AddScoped<SessionReminderJob>();
        services.AddScoped<ICourseSessions, CourseSessions>();
        services.AddTransient<IStartupTask, ScheduleSessionReminders>();
        services.AddScoped<IRecipeStep, CourseChargesRecipeStep>();
        services.AddScoped<IRecipeStep, SampleSessionsRecipeStep>();
        services.AddScoped<IScaleSeeder, SessionsScaleSeeder>();
    }
}
