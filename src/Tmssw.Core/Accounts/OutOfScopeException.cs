namespace Tmssw.Core.Accounts;

/// <summary>
/// A use case was asked to read or change something outside the caller's scope. Pages and endpoints
/// check first and answer 404; this is the use case's own guard for the one that forgot, and the web
/// app answers it with the same 404 (the CLI acts as an Admin and never meets it).
/// </summary>
public sealed class OutOfScopeException(string what) : Exception($"Out of the caller's scope: {what}.");
