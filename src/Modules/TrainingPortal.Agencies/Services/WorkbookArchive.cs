using System.IO.Compression;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Unzips an uploaded .xlsx within the limits on <see cref="StaffImporter"/> before EPPlus sees it, so that a small file
/// that unzips to gigabytes (a zip bomb) is refused instead of filling the server's memory.
/// </summary>
/// <remarks>
/// The sizes a zip declares are only a quick first check: every part is then inflated with a running count that stops
/// at the limit. EPPlus reads a zip by the headers in front of each part, which need not agree with the directory at
/// the end that <see cref="ZipArchive"/> reads, so EPPlus is given a copy written from exactly the bytes counted here.
/// </remarks>
internal static class WorkbookArchive
{
    /// <summary>Parts smaller than this (the workbook's small XML files) are not held to <see cref="StaffImporter.MaxCompressionRatio"/>.</summary>
    private const long RatioCheckedFrom = 1024 * 1024;

    private const string CannotBeStaffList = "so it cannot be a staff list. Check you chose the right file, or save your staff list as a new .xlsx or .csv file and upload that";

    public static readonly string NotAWorkbook = "The file could not be read as an Excel workbook. Save it as .xlsx or .csv and upload it again";

    public static readonly string TooBig = $"The file unzips to more than {StaffImporter.MaxUnzippedBytes / 1024 / 1024} MB, {CannotBeStaffList}";

    public static readonly string TooManyEntries = $"The file is made of more than {StaffImporter.MaxWorkbookEntries:N0} parts, {CannotBeStaffList}";

    public static readonly string TooTightlyPacked = $"Part of the file unzips to more than {StaffImporter.MaxCompressionRatio} times its size, {CannotBeStaffList}";

    /// <summary>
    /// The workbook rewritten as a new zip holding the same parts, or the reason it is refused (as a failure of the
    /// field <see cref="StaffFileReader.FileField"/>).
    /// </summary>
    public static OperationResult<byte[]> Unpack(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > StaffImporter.MaxWorkbookEntries)
            {
                return Failed(TooManyEntries);
            }
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                // Capped per part so that absurd declared sizes cannot overflow the sum.
                declared += Math.Clamp(entry.Length, 0, StaffImporter.MaxUnzippedBytes + 1);
                if (declared > StaffImporter.MaxUnzippedBytes)
                {
                    return Failed(TooBig);
                }
            }
            return Copy(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            // Not a zip, a damaged one, or parts packed in a way no spreadsheet program uses (encrypted, unknown compression).
            return Failed(NotAWorkbook);
        }
    }

    private static OperationResult<byte[]> Copy(ZipArchive zip)
    {
        using var output = new MemoryStream();
        using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var buffer = new byte[81_920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                long inflated = 0;
                int read;
                while ((read = from.Read(buffer)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > StaffImporter.MaxUnzippedBytes)
                    {
                        return Failed(TooBig);
                    }
                    if (inflated > RatioCheckedFrom && inflated / Math.Max(1, entry.CompressedLength) > StaffImporter.MaxCompressionRatio)
                    {
                        return Failed(TooTightlyPacked);
                    }
                    to.Write(buffer, 0, read);
                }
            }
        }
        return OperationResult<byte[]>.Ok(output.ToArray());
    }

    private static OperationResult<byte[]> Failed(string message) => OperationResult<byte[]>.Failed(StaffFileReader.FileField, message);
}
