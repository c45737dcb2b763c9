using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace TrainingPortal.Identity.Services;

/// <summary>Absolute links for emails: <c>PublicBaseUrl</c> when set, otherwise the address of the current request.</summary>
public sealed class PublicUrls(IHttpContextAccessor accessor, IConfiguration configuration)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["PublicBaseUrl"];
        var request = accessor.HttpContext?.Request;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return baseUrl + pathAndQuery;
    }
}
