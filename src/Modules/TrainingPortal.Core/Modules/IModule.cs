using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingPortal.Core.Modules;

/// <summary>
/// The contract every feature module implements in its <c>Module.cs</c>: it declares itself
/// (the manifest) and wires itself in (services, endpoints, menu, permissions).
/// </summary>
public interface IModule
{
    /// <summary>Name, description and the modules this one needs.</summary>
    ModuleManifest Manifest { get; }

    /// <summary>Registers the module's services, options, recipe steps and jobs.</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps minimal API endpoints and anything else routed outside Razor Pages.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    /// <summary>Entries for the service navigation; each is shown only to users holding its permission.</summary>
    IEnumerable<MenuItem> MenuItems => [];

    /// <summary>The module's permissions and the roles that hold them by default.</summary>
    IPermissionProvider? Permissions => null;
}

/// <summary>What a module is and what it depends on, by module name.</summary>
public sealed record ModuleManifest(string Name, string Description, params string[] Dependencies);

/// <summary>A link in the service navigation.</summary>
/// <param name="Text">Link text.</param>
/// <param name="Url">Absolute path.</param>
/// <param name="Permission">Permission needed to see it; null means any signed-in user.</param>
/// <param name="Order">Position; lower first.</param>
public sealed record MenuItem(string Text, string Url, string? Permission, int Order);
