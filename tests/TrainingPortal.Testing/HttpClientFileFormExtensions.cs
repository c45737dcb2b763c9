using System.Net;
using System.Net.Http.Headers;

namespace TrainingPortal.Testing;

public static partial class HttpClientFormExtensions
{
    /// <summary>Posts a form with a file as a browser does: multipart, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileFormAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[] content, string contentType,
        string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}.");
        }
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return await client.PostAsync(url, form);
    }
}
