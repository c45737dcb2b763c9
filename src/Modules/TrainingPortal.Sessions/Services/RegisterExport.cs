using OfficeOpenXml;
using OfficeOpenXml.Style;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>The register as an Excel workbook (EPPlus).</summary>
public sealed class RegisterExport(PortalDbContext db, AuditTrail audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (string Header, double Width)[] Columns =
    [
        ("Name", 28), ("Email", 34), ("Agency", 34), ("Job title", 28), ("Attendance", 18), ("Checked in", 18), ("Certificate", 22),
    ];

    /// <summary>Builds the workbook and records who exported it (personal data leaves the portal).</summary>
    public async Task<byte[]> WorkbookAsync(RegisterView register, IReadOnlyList<string> trainers, CancellationToken cancellationToken = default)
    {
        var session = register.Session;
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Register");
        WorkbookStyle.Title(sheet, session.CourseTitle);
        sheet.Cells[2, 1].Value = UkTime.FormatRange(session.StartsAtUtc, session.EndsAtUtc);
        sheet.Cells[3, 1].Value = session.JoiningLink is not null ? "Online" : $"{session.VenueName}{(session.VenueAddress is null ? "" : ", " + session.VenueAddress)}";
        sheet.Cells[4, 1].Value = $"Trainers: {string.Join(", ", trainers)}";
        sheet.Cells[5, 1].Value = register.IsClosed ? "Register closed" : "Register open";
        const int headerRow = 7;
        WorkbookStyle.Header(sheet, headerRow, Columns);
        var row = headerRow + 1;
        foreach (var line in register.Lines)
        {
            sheet.Cells[row, 1].Value = line.Name;
            sheet.Cells[row, 2].Value = line.Email;
            sheet.Cells[row, 3].Value = line.Agency;
            sheet.Cells[row, 4].Value = line.JobTitle;
            sheet.Cells[row, 5].Value = Describe(line.Status);
            sheet.Cells[row, 6].Value = line.CheckedInAt is { } at ? UkTime.FromUtc(at).ToString("HH:mm") : null;
            sheet.Cells[row, 7].Value = line.CertificateNumber;
            row++;
        }
        sheet.Cells[row + 1, 1].Value = $"{register.Lines.Count(l => l.Status == BookingStatus.Attended)} attended, "
            + $"{register.Lines.Count(l => l.Status == BookingStatus.PartiallyAttended)} partly, {register.Lines.Count(l => l.Status == BookingStatus.DidNotAttend)} did not attend, "
            + $"{register.Unmarked} not marked";
        sheet.View.FreezePanes(headerRow + 1, 1);
        audit.Record("Register exported", "Session", session.Id, $"{register.Lines.Count} people");
        await db.SaveChangesAsync(cancellationToken);
        return package.GetAsByteArray();
    }

    public static string Describe(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "Not marked",
        BookingStatus.Attended => "Attended",
        BookingStatus.PartiallyAttended => "Partial",
        BookingStatus.DidNotAttend => "Did not attend",
        BookingStatus.LateCancelled => "Cancelled late",
        BookingStatus.SessionCancelled => "Session cancelled",
        _ => status.ToString(),
    };
}
