namespace TrainingPortal.Agencies.Services;

/// <summary>
/// A page another module keeps about a member of staff (their training, their bookings). The staff record links to
/// each one, so the agencies module need not know the others.
/// </summary>
public interface IStaffRecordLink
{
    string Text { get; }

    string Url(Guid agencyId, Guid practitionerId);
}
