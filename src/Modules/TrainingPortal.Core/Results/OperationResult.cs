namespace TrainingPortal.Core.Results;

/// <summary>An error a person can act on. <see cref="Field"/> names the form field, or is empty for the whole form.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of a service call whose failure is expected (bad input, a rule refusing).</summary>
public class OperationResult
{
    protected OperationResult(IReadOnlyList<FieldError> errors) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static OperationResult Success { get; } = new([]);

    public static OperationResult Failed(string field, string message) => new([new FieldError(field, message)]);

    public static OperationResult Failed(IEnumerable<FieldError> errors) => new(errors.ToList());
}

/// <summary>An outcome that carries a value when it succeeds.</summary>
public sealed class OperationResult<T> : OperationResult
{
    private OperationResult(T? value, IReadOnlyList<FieldError> errors) : base(errors) => Value = value;

    public T? Value { get; }

    public static OperationResult<T> Ok(T value) => new(value, []);

    public static new OperationResult<T> Failed(string field, string message) => new(default, [new FieldError(field, message)]);

    public static new OperationResult<T> Failed(IEnumerable<FieldError> errors) => new(default, errors.ToList());
}
