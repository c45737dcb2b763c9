using Microsoft.AspNetCore.Identity;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Services;

/// <summary>
/// Follows NCSC password guidance: length over complexity (at least 12 characters, no rules about symbols),
/// and refuses passwords on a deny list of the most common choices or containing the person's own email name.
/// </summary>
public sealed class NcscPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "password1234", "passwordpassword", "qwertyuiopas", "111111111111", "000000000000",
        "iloveyou1234", "administrator", "welcome12345", "letmein12345", "trustno1trustno1", "abc123abc123",
        "password123!", "Password123!", "Password1234", "qwerty123456", "1q2w3e4r5t6y", "changeme1234",
        "safeguarding", "safeguarding1", "safeguarding123", "neglecttraining", "trainingportal", "summer2026!!",
        "winter2026!!", "football1234", "monkey123456", "dragon123456", "sunshine1234", "princess1234",
        "correcthorsebatterystaple", "aaaaaaaaaaaa", "qwertyqwerty", "asdfghjklzxc", "zaq12wsxcde3",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = $"Password must be {MinimumLength} characters or more. Three random words make a strong password." });
        }
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer." });
        }
        if (Common.Contains(password) || password.Distinct().Count() <= 2)
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "That password is too easy to guess. Choose a different one." });
        }
        var localPart = user.Email?.Split('@')[0];
        if (!string.IsNullOrEmpty(localPart) && localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = "Password must not contain your email address." });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
