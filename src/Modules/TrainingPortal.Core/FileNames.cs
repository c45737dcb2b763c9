namespace TrainingPortal.Core;

/// <summary>Names for files people download.</summary>
public static class FileNames
{
    /// <summary>"Northshire Police & Crime" as "northshire-police-crime": lower-case letters and digits joined by single dashes.</summary>
    public static string Slug(string name, string fallback = "file")
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        slug = slug.Trim('-');
        return slug.Length == 0 ? fallback : slug[..Math.Min(slug.Length, 150)];
    }
}
