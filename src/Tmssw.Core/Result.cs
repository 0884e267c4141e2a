namespace Tmssw.Core;

/// <summary>
/// The outcome of a use case that a person can fix: errors are values with a message that says what
/// to do, not exceptions.
/// </summary>
public readonly record struct Result(string? Error)
{
    public bool Succeeded => Error is null;

    public static Result Ok => default;

    public static Result Fail(string error) => new(error);
}
