using OfficeOpenXml;
using OfficeOpenXml.Style;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Tna.Services;

/// <summary>
/// The partnership's TNA as an Excel workbook: the gap per course, places needed per agency (with where each agency's
/// figures come from) and per sector. Figures only, no names; each download is recorded in the audit trail all the
/// same. Column widths are set by hand: AutoFit needs GDI+, absent on Linux.
/// </summary>
public sealed class TnaExport(TnaGap gap, PortalDbContext db, AuditTrail audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<(byte[] Workbook, string FileName)?> WorkbookAsync(Guid analysisId, CancellationToken cancellationToken = default)
    {
        if (await gap.ForAsync(analysisId, cancellationToken) is not { } view)
        {
            return null;
        }
        using var package = new ExcelPackage();
        var title = $"Training needs analysis {view.Analysis.Name}";

        var courses = package.Workbook.Worksheets.Add("Gap by course");
        var row = Heading(courses, title, view);
        Header(courses, row, ("Requirement", 34), ("Course", 40), ("Code", 10), ("Places needed", 15), ("Places scheduled", 17), ("Gap", 10), ("Note", 36));
        foreach (var course in view.Courses)
        {
            row++;
            courses.Cells[row, 1].Value = course.Requirement;
            courses.Cells[row, 2].Value = course.CourseTitle;
            courses.Cells[row, 3].Value = course.CourseCode;
            courses.Cells[row, 4].Value = course.Needed;
            if (course.IsELearning)
            {
                courses.Cells[row, 7].Value = "E-learning: no places needed";
            }
            else
            {
                courses.Cells[row, 5].Value = course.Places;
                courses.Cells[row, 6].Value = course.Gap;
                courses.Cells[row, 7].Value = course.Gap > 0 ? "Places short" : course.Gap < 0 ? "More places than needed" : "Places match the need";
            }
        }

        var agencies = package.Workbook.Worksheets.Add("By agency");
        row = Heading(agencies, title, view);
        var columns = new List<(string, double)> { ("Agency", 40), ("Sector", 24), ("Figures", 34) };
        columns.AddRange(view.Courses.Select(c => (c.Requirement, 18d)));
        columns.Add(("Total places", 14));
        Header(agencies, row, [.. columns]);
        foreach (var agency in view.Agencies)
        {
            row++;
            agencies.Cells[row, 1].Value = agency.Agency;
            agencies.Cells[row, 2].Value = agency.Sector;
            agencies.Cells[row, 3].Value = TnaText.Source(agency, view.Analysis.Deadline);
            for (var c = 0; c < view.Courses.Count; c++)
            {
                agencies.Cells[row, 4 + c].Value = agency.For(view.Courses[c].RequirementId);
            }
            agencies.Cells[row, 4 + view.Courses.Count].Value = agency.Total;
        }

        var sectors = package.Workbook.Worksheets.Add("By sector");
        row = Heading(sectors, title, view);
        columns = [("Sector", 28), ("Agencies", 10)];
        columns.AddRange(view.Courses.Select(c => (c.Requirement, 18d)));
        columns.Add(("Total places", 14));
        Header(sectors, row, [.. columns]);
        foreach (var sector in view.Sectors)
        {
            row++;
            sectors.Cells[row, 1].Value = sector.Sector;
            sectors.Cells[row, 2].Value = sector.Agencies;
            for (var c = 0; c < view.Courses.Count; c++)
            {
                sectors.Cells[row, 3 + c].Value = sector.For(view.Courses[c].RequirementId);
            }
            sectors.Cells[row, 3 + view.Courses.Count].Value = sector.Total;
        }

        audit.Record("Training needs analysis exported", "TrainingNeedsAnalysis", analysisId, $"{view.Analysis.Name}: {view.Submitted} of {view.Agencies.Count} agencies submitted");
        await db.SaveChangesAsync(cancellationToken);
        return (package.GetAsByteArray(), $"training-needs-{view.Analysis.StartYear}-{view.Analysis.StartYear + 1}.xlsx");
    }

    private static int Heading(ExcelWorksheet sheet, string title, TnaPartnershipView view)
    {
        sheet.Cells[1, 1].Value = title;
        sheet.Cells[1, 1].Style.Font.Bold = true;
        sheet.Cells[1, 1].Style.Font.Size = 14;
        sheet.Cells[2, 1].Value = $"{UkTime.FormatDate(view.Analysis.StartsOn)} to {UkTime.FormatDate(view.Analysis.EndsOn)}; deadline {UkTime.FormatDate(view.Analysis.Deadline)}. "
            + $"{view.Submitted} of {view.Agencies.Count} agencies submitted; the others count with figures computed from their current staff.";
        return 4;
    }

    private static void Header(ExcelWorksheet sheet, int row, params (string Header, double Width)[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cells[row, c + 1].Value = columns[c].Header;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        using var header = sheet.Cells[row, 1, row, columns.Length];
        header.Style.Font.Bold = true;
        header.Style.WrapText = true;
        header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        sheet.View.FreezePanes(row + 1, 1);
    }
}

/// <summary>How the TNA pages and workbook put things into words.</summary>
public static class TnaText
{
    /// <summary>Where an agency's figures come from.</summary>
    public static string Source(AgencyNeeds agency, DateOnly deadline) => agency.State switch
    {
        TnaAgencyState.Submitted => $"Submitted {UkTime.FormatDate(DateOnly.FromDateTime(UkTime.FromUtc(agency.SubmittedAt!.Value)))}",
        _ when agency.MissedDeadline => $"Missed the deadline ({UkTime.FormatDate(deadline)}): computed figures used",
        TnaAgencyState.Draft => "Not submitted yet (draft saved): computed figures for now",
        _ => "Not submitted yet: computed figures for now",
    };

    /// <summary>A gap in places in words: short, spare or matched.</summary>
    public static string Gap(CourseGap course) => course.IsELearning
        ? "E-learning: no places needed"
        : course.Gap > 0 ? $"{course.Gap:N0} places short" : course.Gap < 0 ? $"{-course.Gap:N0} places spare" : "Places match the need";
}
