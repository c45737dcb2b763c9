namespace TrainingPortal.Agencies.Domain;

/// <summary>Where a staff import has got to. Uploaded → Validating → Invalid or Valid → Applying → Applied (or Failed); Cancelled at any point before applying.</summary>
public enum StaffImportStatus
{
    /// <summary>The file is stored and waiting to be checked.</summary>
    Uploaded,
    Validating,
    /// <summary>At least one row has a problem: nothing will be applied.</summary>
    Invalid,
    /// <summary>Every row passed; waiting for the person to confirm.</summary>
    Valid,
    Applying,
    Applied,
    /// <summary>Applying stopped on an unexpected error; nothing was changed.</summary>
    Failed,
    /// <summary>Cancelled by the person, or abandoned and cleared away.</summary>
    Cancelled,
}

/// <summary>
/// One uploaded staff file for one agency: the file until it is applied or abandoned (it is personal data), how far
/// checking has got, what applying it will do and the row-by-row report.
/// </summary>
public class StaffImport
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid? UploadedById { get; set; }

    public required string UploadedByName { get; set; }

    public required string FileName { get; set; }

    /// <summary>The uploaded file; cleared once the import is applied, invalid, failed or abandoned.</summary>
    public byte[]? Content { get; set; }

    public StaffImportStatus Status { get; set; }

    public int RowsTotal { get; set; }

    public int RowsProcessed { get; set; }

    /// <summary>Rows with at least one error.</summary>
    public int RowsWithErrors { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Existing staff this file gives a (new or different) leaving date.</summary>
    public int Leavers { get; set; }

    public int TeamsAdded { get; set; }

    public DateTime UploadedAt { get; set; }

    public DateTime? CheckedAt { get; set; }

    public Guid? ConfirmedById { get; set; }

    public string? ConfirmedByName { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public List<StaffImportMessage> Messages { get; set; } = [];

    /// <summary>Still being worked on, so the status page keeps refreshing.</summary>
    public static bool IsInProgress(StaffImportStatus status) =>
        status is StaffImportStatus.Uploaded or StaffImportStatus.Validating or StaffImportStatus.Applying;
}

public enum StaffImportMessageKind
{
    Error,
    /// <summary>Worth knowing but does not stop the import ("New team").</summary>
    Info,
}

/// <summary>One line of an import's report: a row, a column and what is wrong (or worth knowing) there.</summary>
public class StaffImportMessage
{
    public long Id { get; set; }

    public Guid StaffImportId { get; set; }

    /// <summary>The spreadsheet row (the header is row 1); 0 for the file as a whole.</summary>
    public int RowNumber { get; set; }

    public required string Column { get; set; }

    public required string Message { get; set; }

    public StaffImportMessageKind Kind { get; set; }
}
