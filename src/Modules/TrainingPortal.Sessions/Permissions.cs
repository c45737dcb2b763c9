using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Sessions;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Book places on sessions and see one's own bookings.</summary>
    public const string BookSessions = nameof(BookSessions);

    /// <summary>See and cancel the bookings of one's agency's staff, and approve or decline their requests.</summary>
    public const string ManageAgencyBookings = nameof(ManageAgencyBookings);

    /// <summary>See the sessions one delivers and take their registers.</summary>
    public const string TakeRegisters = nameof(TakeRegisters);

    /// <summary>Schedule, change and cancel sessions; see fill rates, waitlists and charges across the partnership.</summary>
    public const string ScheduleSessions = nameof(ScheduleSessions);

    private static readonly Permission Book = new(BookSessions, "Book places on sessions");
    private static readonly Permission Agency = new(ManageAgencyBookings, "Manage an agency's bookings and approve requests");
    private static readonly Permission Register = new(TakeRegisters, "Deliver sessions and take registers");
    private static readonly Permission Schedule = new(ScheduleSessions, "Schedule sessions and see fill rates and charges");

    public IEnumerable<Permission> GetPermissions() => [Book, Agency, Register, Schedule];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.Practitioner, [Book]),
        new(Roles.NeglectChampion, [Book]),
        new(Roles.SafeguardingLead, [Book, Agency]),
        new(Roles.Trainer, [Book, Register]),
        new(Roles.TrainingCoordinator, [Book, Agency, Register, Schedule]),
    ];
}
