using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrainingPortal.Web.Composition;

/// <summary>
/// How many attempts one client address may make, per <see cref="Window"/>, at the pages that could be used to guess
/// passwords, accounts or certificate numbers (configuration section <c>RateLimiting</c>).
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in and two-factor sign-in attempts.</summary>
    public int SignInPermits { get; set; } = 30;

    /// <summary>Self-registrations.</summary>
    public int RegistrationPermits { get; set; } = 10;

    /// <summary>Requests for a reset link and new passwords set from one, together.</summary>
    public int PasswordResetPermits { get; set; } = 10;

    /// <summary>Public certificate checks.</summary>
    public int CertificateCheckPermits { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    internal int PermitsFor(AttemptKind kind) => kind switch
    {
        AttemptKind.SignIn => SignInPermits,
        AttemptKind.Registration => RegistrationPermits,
        AttemptKind.PasswordReset => PasswordResetPermits,
        _ => CertificateCheckPermits,
    };
}

internal enum AttemptKind
{
    SignIn,
    Registration,
    PasswordReset,
    CertificateCheck,
}

/// <summary>
/// Per-address limits on sign-in, registration, password reset and the public certificate check. A refused request
/// answers 429 with <c>Retry-After</c>; the error page (<c>/error/429</c>) says how long to wait.
/// </summary>
internal static class AttemptLimits
{
    private readonly record struct Partition(AttemptKind? Kind, string Client);

    private static readonly Partition Unlimited = new(null, "");

    public static IServiceCollection AddAttemptLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>()
            .BindConfiguration(RateLimitSettings.Section)
            .Validate(s => s.SignInPermits > 0 && s.RegistrationPermits > 0 && s.PasswordResetPermits > 0 && s.CertificateCheckPermits > 0,
                "RateLimiting: every permit count must be 1 or more.")
            .Validate(s => s.Window > TimeSpan.Zero, "RateLimiting:Window must be longer than zero, for example 00:01:00.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var limits = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Partition>(context => KindOf(context.Request) is { } kind
                ? RateLimitPartition.GetFixedWindowLimiter(new Partition(kind, ClientOf(context.Connection.RemoteIpAddress)), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsFor(kind),
                    Window = limits.Window,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(Unlimited));
            // The body is left empty so that the status-code pages show the error page (or problem+json under /api).
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Which limit a request counts against, by path (pages of Identity, Agencies and Catalogue): posts to the sign-in,
    /// registration, email confirmation and password pages, and any request to the certificate check, which is looked up by number.
    /// </summary>
    internal static AttemptKind? KindOf(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/certificates/verify"))
        {
            return AttemptKind.CertificateCheck;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        // Confirming an address checks the account's password, so it counts as signing in.
        if (path.StartsWithSegments("/account/login") || path.StartsWithSegments("/account/login-with-2fa") || path.StartsWithSegments("/account/confirm-email"))
        {
            return AttemptKind.SignIn;
        }
        if (path.StartsWithSegments("/account/register"))
        {
            return AttemptKind.Registration;
        }
        if (path.StartsWithSegments("/account/forgot-password") || path.StartsWithSegments("/account/reset-password"))
        {
            return AttemptKind.PasswordReset;
        }
        return null;
    }

    /// <summary>
    /// The client a request is counted against: its address after the forwarded-headers middleware, an IPv6 address by
    /// its /64 network, and every request without an address in one shared partition.
    /// </summary>
    internal static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        // One household or server is normally given a whole /64, so counting single addresses would be trivial to evade.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>"5 minutes" from a <c>Retry-After</c> value in seconds, rounded up to whole minutes; null when there is none.</summary>
    internal static string? WaitFrom(string? retryAfterSeconds)
    {
        if (!int.TryParse(retryAfterSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }
        var minutes = Math.Max(1, (seconds + 59) / 60);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
