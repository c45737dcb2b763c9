using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrainingPortal.Core.Results;

public static class ModelStateExtensions
{
    /// <summary>Copies a service's field errors onto the form, so the GOV.UK error summary links to each field.</summary>
    /// <param name="prefix">The bound property's name ("Input") when fields are nested in it.</param>
    public static void AddErrors(this ModelStateDictionary modelState, OperationResult result, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
