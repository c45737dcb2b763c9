using TrainingPortal.Catalogue.Domain;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

/// <summary>The tag colour for a course's status on the training unit's pages.</summary>
public static class CourseStatusTag
{
    public static string ClassFor(CourseStatus status) => status switch
    {
        CourseStatus.Published => "govuk-tag--green",
        CourseStatus.Retired => "govuk-tag--grey",
        _ => "govuk-tag--yellow",
    };
}
