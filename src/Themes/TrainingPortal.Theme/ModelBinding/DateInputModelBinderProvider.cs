using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrainingPortal.Theme.ModelBinding;

/// <summary>Uses <see cref="DateInputModelBinder"/> for every <see cref="DateOnly"/> and <see cref="DateOnly"/>? model.</summary>
public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Metadata.UnderlyingOrModelType != typeof(DateOnly))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new DateInputModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
    }
}
