using System.IO.Compression;

namespace TrainingPortal.Catalogue.Services;

/// <summary>A kind of file accepted as evidence: what the person is told it is, the content type it is served with, its extensions.</summary>
public sealed record EvidenceType(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// The kinds of file accepted as evidence of training done elsewhere (PDF, PNG, JPG, Word), and the check that a file's
/// content is what its name says. A coordinator opens evidence on their own computer, so a web page or program renamed
/// .pdf must not be stored as a PDF, nor served as one.
/// </summary>
public static class EvidenceTypes
{
    /// <summary>The content type of a file that is not one of the accepted kinds: browsers only offer to save it.</summary>
    public const string Unrecognised = "application/octet-stream";

    public static readonly EvidenceType Pdf = new("PDF", "application/pdf", [".pdf"]);

    public static readonly EvidenceType Png = new("PNG image", "image/png", [".png"]);

    public static readonly EvidenceType Jpeg = new("JPG image", "image/jpeg", [".jpg", ".jpeg"]);

    public static readonly EvidenceType Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);

    public static IReadOnlyList<EvidenceType> All { get; } = [Pdf, Png, Jpeg, Docx];

    /// <summary>Every accepted extension, for the file input's <c>accept</c> attribute.</summary>
    public static string Accept { get; } = string.Join(',', All.SelectMany(t => t.Extensions));

    /// <summary>The kind of file a name claims by its extension (in any case), or null for one that is not accepted.</summary>
    public static EvidenceType? Claimed(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return All.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when <paramref name="content"/> really is a file of <paramref name="type"/>: it starts with that format's
    /// signature (a PDF with <c>%PDF-</c>, a PNG with its eight-byte signature, a JPG with FF D8 FF), and a Word document is
    /// a zip holding <c>[Content_Types].xml</c> and a <c>word/</c> folder.
    /// </summary>
    public static bool Matches(EvidenceType type, byte[] content)
    {
        var start = content.AsSpan();
        if (type == Pdf)
        {
            return start.StartsWith("%PDF-"u8);
        }
        if (type == Png)
        {
            return start.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        }
        if (type == Jpeg)
        {
            return start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
        }
        return type == Docx && start.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && IsWordDocument(content);
    }

    /// <summary>The content type to serve stored evidence with: its kind's, once its content is checked again, otherwise <see cref="Unrecognised"/>.</summary>
    public static string ContentTypeOf(string fileName, byte[] content) =>
        Claimed(fileName) is { } type && Matches(type, content) ? type.ContentType : Unrecognised;

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            // Only the zip's directory is read; nothing is unzipped.
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                && zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return false;
        }
    }
}
