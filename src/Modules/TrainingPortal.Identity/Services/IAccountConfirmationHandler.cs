using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Services;

/// <summary>
/// Told when an account's email address has just been proven (a confirmation or invitation link was followed), in
/// the same unit of work, so another module can link the account to what that address owns, such as the
/// practitioner's learning record, which must never happen before the proof.
/// </summary>
public interface IAccountConfirmationHandler
{
    /// <summary>Called once per account, before the change is saved; the caller saves.</summary>
    Task AccountConfirmedAsync(PortalUser user, CancellationToken cancellationToken);
}
