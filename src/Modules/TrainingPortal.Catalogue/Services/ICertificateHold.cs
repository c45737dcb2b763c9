namespace TrainingPortal.Catalogue.Services;

/// <summary>Why a certificate is not ready yet, and what the practitioner can do about it.</summary>
public sealed record CertificateHold(string Heading, string Reason, string LinkText, string Url);

/// <summary>
/// Implemented by a module that keeps a practitioner's own certificate back until they have done something (evaluated
/// the training, for example). Only the holder is kept waiting: their leads and the training unit always see the
/// certificate, and the public check is never held. There may be none.
/// </summary>
public interface ICertificateHold
{
    /// <summary>Why <paramref name="practitionerId"/>'s certificate for <paramref name="trainingRecordId"/> waits; null when it does not.</summary>
    Task<CertificateHold?> HeldAsync(Guid trainingRecordId, Guid practitionerId, CancellationToken cancellationToken = default);
}
