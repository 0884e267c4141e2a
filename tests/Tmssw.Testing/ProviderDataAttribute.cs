using System.Reflection;
using Xunit.Sdk;

namespace Tmssw.Testing;

/// <summary>
/// Runs a database test once per provider: <c>[Theory, ProviderData]</c> with a first parameter of
/// type <see cref="Provider"/>. Every test that touches a database uses it, so none runs on SQLite only.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Provider.Sqlite];
        yield return [Provider.Postgres];
    }
}
