using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;
using TrainingPortal.Web.Composition;

namespace TrainingPortal.Core.Tests;

public class PermissionCatalogTests
{
    private static readonly Permission ViewReports = new("ViewReports", "See the bi-annual reports");
    private static readonly Permission ManageCourses = new("ManageCourses", "Create and change courses");

    [Fact]
    public void Administrators_hold_every_permission_even_one_no_stereotype_mentions()
    {
        var catalog = new PermissionCatalog([new Provider([ViewReports, ManageCourses], [new(Roles.BoardMember, [ViewReports])])]);

        Assert.Equal([Roles.Administrator], catalog.RolesFor(ManageCourses.Name));
        Assert.Contains(Roles.Administrator, catalog.RolesFor(ViewReports.Name));
    }

    [Fact]
    public void A_stereotype_gives_its_role_that_permission_and_no_other()
    {
        var catalog = new PermissionCatalog([new Provider([ViewReports, ManageCourses], [new(Roles.BoardMember, [ViewReports])])]);

        Assert.Equal(new[] { Roles.Administrator, Roles.BoardMember }.Order(), catalog.RolesFor(ViewReports.Name).Order());
        Assert.DoesNotContain(Roles.BoardMember, catalog.RolesFor(ManageCourses.Name));
    }

    [Fact]
    public void Roles_from_stereotypes_in_different_modules_add_up()
    {
        var catalog = new PermissionCatalog(
        [
            new Provider([ViewReports], [new(Roles.BoardMember, [ViewReports])]),
            new Provider([], [new(Roles.TrainingCoordinator, [ViewReports])]),
        ]);

        Assert.Equal(new[] { Roles.Administrator, Roles.BoardMember, Roles.TrainingCoordinator }.Order(), catalog.RolesFor(ViewReports.Name).Order());
    }

    [Fact]
    public void A_stereotype_naming_an_undeclared_permission_stops_start_up_naming_the_role_and_permission()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new PermissionCatalog([new Provider([ViewReports], [new(Roles.Trainer, [ManageCourses])])]));

        Assert.Contains(Roles.Trainer, error.Message);
        Assert.Contains(ManageCourses.Name, error.Message);
    }

    [Fact]
    public void Asking_about_a_permission_nobody_declared_is_an_error_naming_it()
    {
        var catalog = new PermissionCatalog([new Provider([ViewReports], [])]);

        var error = Assert.Throws<KeyNotFoundException>(() => catalog.RolesFor("DeleteEverything"));
        Assert.Contains("DeleteEverything", error.Message);
    }

    [Fact]
    public void In_the_shipped_modules_safeguarding_leads_manage_staff_but_not_agencies_and_practitioners_manage_neither()
    {
        var catalog = new PermissionCatalog(ModuleCatalog.All.Select(m => m.Permissions).OfType<IPermissionProvider>());

        Assert.Contains(Roles.SafeguardingLead, catalog.RolesFor(Agencies.Permissions.ManageStaff));
        Assert.DoesNotContain(Roles.SafeguardingLead, catalog.RolesFor(Agencies.Permissions.ManageAgencies));
        Assert.DoesNotContain(Roles.Practitioner, catalog.RolesFor(Agencies.Permissions.ManageStaff));
        Assert.All(catalog.Permissions, permission => Assert.Contains(Roles.Administrator, catalog.RolesFor(permission)));
    }

    private sealed class Provider(IReadOnlyList<Permission> permissions, IReadOnlyList<PermissionStereotype> stereotypes) : IPermissionProvider
    {
        public IEnumerable<Permission> GetPermissions() => permissions;

        public IEnumerable<PermissionStereotype> GetDefaultStereotypes() => stereotypes;
    }
}
