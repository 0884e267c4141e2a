using Tmssw.Web;

var app = await TmsswWeb.BuildAsync(args);
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
