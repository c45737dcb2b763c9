namespace TrainingPortal.Reporting.Domain;

/// <summary>
/// One generated report, kept in the archive: an agency's (or, with no agency, the partnership's) figures for one
/// period, with its workbook. Re-running a period replaces it.
/// </summary>
public class BiAnnualReport
{
    public Guid Id { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The agency it is about; null for the partnership report.</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>Agency name (or partnership name) as it was when generated.</summary>
    public required string Title { get; set; }

    public DateTime GeneratedAt { get; set; }

    /// <summary>The run that produced it.</summary>
    public Guid RunId { get; set; }

    /// <summary>The figures as JSON (<see cref="Services.ReportFigures"/>), for the on-screen report.</summary>
    public required string FiguresJson { get; set; }

    public required string FileName { get; set; }

    /// <summary>The .xlsx workbook.</summary>
    public required byte[] Workbook { get; set; }

    public bool IsPartnership => AgencyId is null;
}

public enum ReportRunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>One generation of every report for a period, scheduled or asked for by a coordinator, with its progress.</summary>
public class ReportRun
{
    public Guid Id { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public ReportRunStatus Status { get; set; }

    /// <summary>Null for the scheduled run.</summary>
    public Guid? RequestedByUserId { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Reports to produce (every active agency and the partnership) and how many are done.</summary>
    public int ReportsTotal { get; set; }

    public int ReportsDone { get; set; }

    /// <summary>What went wrong, in words a coordinator can act on, when the run failed.</summary>
    public string? Failure { get; set; }
}
