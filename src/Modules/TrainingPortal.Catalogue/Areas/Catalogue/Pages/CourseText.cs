using TrainingPortal.Catalogue.Domain;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages;

/// <summary>How course facts read on pages.</summary>
public static class CourseText
{
    public static string Mode(DeliveryMode mode) => mode switch
    {
        DeliveryMode.ELearning => "E-learning",
        DeliveryMode.FaceToFace => "Face to face",
        DeliveryMode.VirtualClassroom => "Virtual classroom",
        DeliveryMode.Briefing => "Briefing",
        _ => mode.ToString(),
    };

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} minutes",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} {(minutes / 60 == 1 ? "hour" : "hours")} {minutes % 60} minutes",
    };

    public static string Validity(int? months) => months switch
    {
        null => "Does not expire",
        12 => "1 year",
        _ when months % 12 == 0 => $"{months / 12} years",
        _ => $"{months} months",
    };

    public static string Source(TrainingSource source) => source switch
    {
        TrainingSource.ELearning => "E-learning",
        TrainingSource.Session => "Session",
        TrainingSource.Briefing => "Briefing",
        TrainingSource.External => "Elsewhere",
        _ => source.ToString(),
    };

    public static string LevelTagClass(CourseLevel level) => level switch
    {
        CourseLevel.Awareness => "govuk-tag--grey",
        // GOV.UK's default tag colour (blue).
        CourseLevel.Basic => "",
        CourseLevel.Advanced => "govuk-tag--purple",
        _ => "govuk-tag--pink",
    };
}
