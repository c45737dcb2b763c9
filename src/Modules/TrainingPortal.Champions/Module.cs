using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Champions;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Champions", "The neglect champion register, seven-minute guides and the briefing logs of teams briefed on them", "Catalogue", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Seven-minute guides", "/guides", Champions.Permissions.ReadGuides, 40),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
