namespace TrainingPortal.Tna.Services;

public static class TnaLimits
{
    public const int ReasonLength = 500;

    /// <summary>The most people one figure may hold: beyond any agency's workforce, so a typo is caught.</summary>
    public const int MaxFigure = 100_000;

    /// <summary>A figure more than this many times the computed one needs the lead to confirm it.</summary>
    public const int ConfirmAbove = 10;
}
