using Hangfire;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingPortal.Core.Modules;
using TrainingPortal.Notifications.Jobs;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Notifications", "Email outbox, templates, delivery through SMTP or .eml files, and how often people want to hear from the platform");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddScoped<Outbox>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<OutboxDeliveryJob>();
        services.AddScoped<IInterceptor, OutboxDeliveryTrigger>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
                ? provider.GetRequiredService<PickupDirectoryTransport>()
                : provider.GetRequiredService<SmtpEmailTransport>());
        services.AddTransient<IStartupTask, ScheduleOutboxDelivery>();
    }
}

/// <summary>Registers the minutely delivery run and sends anything left over from before the restart.</summary>
internal sealed class ScheduleOutboxDelivery(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<OutboxDeliveryJob>(OutboxDeliveryJob.RecurringJobId, job => job.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<OutboxDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}
