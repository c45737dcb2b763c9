using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Services;

/// <summary>
/// Training records as other modules may read them, for joining in the database. They read without tracking: records
/// are added and decided through <see cref="TrainingRecords"/>.
/// </summary>
public static class TrainingRecordQueries
{
    /// <summary>Every training record, whatever its status (a register shows the certificate of a record it made).</summary>
    public static IQueryable<TrainingRecord> AllTrainingRecords(this PortalDbContext db) => db.Set<TrainingRecord>().AsNoTracking();
}
