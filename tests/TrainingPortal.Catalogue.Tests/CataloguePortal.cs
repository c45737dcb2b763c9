using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Catalogue.Tests;

/// <summary>
/// A throwaway database with one agency, and the catalogue's services built by hand. Each <see cref="InRequest{T}"/>
/// call gets a fresh context, as each web request does.
/// </summary>
public sealed class CataloguePortal : IDisposable
{
    public CataloguePortal()
    {
        using var db = Database.CreateContext();
        var sector = new Sector { Name = "Health", Order = 1 };
        db.Add(sector);
        db.SaveChanges();
        Health = Guid.NewGuid();
        Police = Guid.NewGuid();
        db.Add(new Agency { Id = Health, Name = "Community Health Trust", SectorId = sector.Id });
        db.Add(new Agency { Id = Police, Name = "Police", SectorId = sector.Id });
        db.SaveChanges();
    }

    public ModuleDatabase Database { get; } = new();

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public IMemoryCache Cache { get; } = new MemoryCache(new MemoryCacheOptions());

    public Guid Health { get; }

    public Guid Police { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.UtcNow.UtcDateTime);

    public void Dispose()
    {
        Cache.Dispose();
        Database.Dispose();
    }

    /// <summary>Runs <paramref name="action"/> as <paramref name="user"/> with its own database context.</summary>
    public async Task<T> InRequest<T>(ICurrentUser user, Func<Services, Task<T>> action)
    {
        await using var db = Database.CreateContext();
        return await action(new Services(db, user, this));
    }

    public Task InRequest(ICurrentUser user, Func<Services, Task> action) =>
        InRequest(user, async s => { await action(s); return true; });

    /// <summary>A signed-in practitioner of the health agency, with their learning record already linked to their account.</summary>
    public async Task<(TestUser User, Guid PractitionerId)> LearnerAsync(string firstName, string lastName, Guid? agencyId = null)
    {
        var user = new TestUser(Guid.NewGuid(), $"{firstName}.{lastName}@health.example".ToLowerInvariant(), Roles.Practitioner);
        await using var db = Database.CreateContext();
        var person = new Practitioner
        {
            Id = Guid.NewGuid(), FirstName = firstName, LastName = lastName, Email = user.Name, UserId = user.UserId, CreatedAt = Clock.UtcNow.UtcDateTime,
        };
        db.Add(person);
        db.Add(new AgencyMembership { Id = Guid.NewGuid(), PractitionerId = person.Id, AgencyId = agencyId ?? Health, JobTitle = "Health visitor" });
        await db.SaveChangesAsync();
        return (user, person.Id);
    }

    /// <summary>A safeguarding lead of <paramref name="agencyId"/>.</summary>
    public async Task<TestUser> LeadAsync(Guid agencyId)
    {
        var lead = new TestUser(Guid.NewGuid(), $"lead-{agencyId:N}@agency.example", Roles.SafeguardingLead);
        await using var db = Database.CreateContext();
        db.Add(new AgencyLead { AgencyId = agencyId, UserId = lead.UserId!.Value, Since = Clock.UtcNow.UtcDateTime });
        await db.SaveChangesAsync();
        return lead;
    }

    public static CourseInput Course(string code, string title, DeliveryMode mode = DeliveryMode.ELearning) => new()
    {
        Code = code,
        Title = title,
        Summary = $"What {title} covers.",
        LearningOutcomes = "Recognise the signs of neglect\nKnow how to share a concern",
        Level = CourseLevel.Basic,
        DeliveryMode = mode,
        DurationMinutes = 90,
    };

    /// <summary>Creates a course through the editor (with the given lessons and questions) and publishes it.</summary>
    public async Task<Guid> CourseAsync(CourseInput input, int lessons = 0, IEnumerable<QuestionInput>? questions = null, bool publish = true)
    {
        var id = await InRequest(TestUser.Coordinator, async s =>
        {
            var created = await s.Editor.CreateAsync(input);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            return created.Value;
        });
        for (var number = 1; number <= lessons; number++)
        {
            var saved = await InRequest(TestUser.Coordinator, s => s.Editor.SaveLessonAsync(id, null, $"Lesson {number}", $"## Part {number}\n\nWhat to look for."));
            Assert.True(saved.Succeeded);
        }
        foreach (var question in questions ?? [])
        {
            var saved = await InRequest(TestUser.Coordinator, s => s.Editor.SaveQuestionAsync(id, null, question));
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        }
        if (publish)
        {
            var published = await InRequest(TestUser.Coordinator, s => s.Editor.PublishAsync(id));
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
        }
        return id;
    }

    /// <summary>A single-answer question whose first option is the right one.</summary>
    public static QuestionInput Question(int number) =>
        new($"Question {number}: which is a sign of neglect?", false, [($"Right {number}", true), ($"Wrong {number}a", false), ($"Wrong {number}b", false)]);

    public static IEnumerable<QuestionInput> Questions(int count) => Enumerable.Range(1, count).Select(Question);

    /// <summary>Adds an approved record of <paramref name="courseId"/>'s current version, as the sessions module would.</summary>
    public Task<TrainingRecord> CompletedAsync(Guid practitionerId, Guid courseId, DateOnly completedOn) =>
        InRequest(TestUser.Coordinator, async s =>
        {
            var version = await s.Db.Set<CourseVersion>().Where(v => v.CourseId == courseId).OrderByDescending(v => v.Number).FirstAsync();
            var record = await s.Records.AddCompletionAsync(practitionerId, version.Id, completedOn, TrainingSource.Session, null);
            await s.Db.SaveChangesAsync();
            return record;
        });

    /// <summary>The services of one request, for one signed-in person.</summary>
    public sealed class Services
    {
        public Services(PortalDbContext db, ICurrentUser user, CataloguePortal portal)
        {
            Db = db;
            var audit = new AuditTrail(db, user, portal.Clock);
            var scope = new AgencyScope(db, user);
            // Learners needs the account store only to create a learning record; every learner here already has one.
            var learners = new Learners(db, user, null!, portal.Clock);
            Editor = new CourseEditor(db, audit, portal.Cache, portal.Clock);
            Catalogue = new CourseCatalogue(db, portal.Cache);
            Qualifications = new Qualifications(db, portal.Clock);
            Records = new TrainingRecords(db, scope, user, audit, portal.Clock);
            Learning = new ELearning(db, learners, Qualifications, Records, portal.Clock);
            Certificates = new Certificates(db, learners, scope, user, new PortalSettings(db, portal.Clock), portal.Clock, []);
        }

        public PortalDbContext Db { get; }

        public CourseEditor Editor { get; }

        public CourseCatalogue Catalogue { get; }

        public Qualifications Qualifications { get; }

        public TrainingRecords Records { get; }

        public ELearning Learning { get; }

        public Certificates Certificates { get; }
    }
}
