using System.Reflection;
using Xunit.Sdk;

namespace Tmssw.Testing;

/// <summary>
/// Runs a database test once per provider: <c>[Theory, ProviderData]</c> with a first parameter of
/// type <see cref="Provider"/>. Every test that touches a database uses it, so none runs on SQLite only.
/// A theory with more parameters gives their values after the provider, one attribute per case:
/// <c>[Theory, ProviderData("a.csv"), ProviderData("b.xlsx")]</c> runs each case on both providers.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProviderDataAttribute(params object[] values) : DataAttribute
{
    /// <summary>The values that follow the provider.</summary>
    public IReadOnlyList<object> Values { get; } = values;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Provider.Sqlite, .. Values];
        yield return [Provider.Postgres, .. Values];
    }
}
