using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

/// <summary>The manage pages route by course id; the catalogue reads a course by its code.</summary>
internal static class CourseById
{
    public static async Task<CourseDetail?> GetByIdAsync(this CourseCatalogue catalogue, Guid id, CancellationToken cancellationToken)
    {
        var card = (await catalogue.AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == id);
        return card is null ? null : await catalogue.GetAsync(card.Code, includeUnpublished: true, cancellationToken);
    }
}
