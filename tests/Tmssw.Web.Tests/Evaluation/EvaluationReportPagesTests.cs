using System.Net;
using System.Text.Json;
using ExcelDataReader;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Evaluation;

/// <summary>
/// The evaluation report's pages over HTTP: the report with its charts, tables and downloads (PDF,
/// XLSX read back with ExcelDataReader, JSON), the indicators form (a refused form keeps what was
/// typed), the ten-year view with each figure's source; a Host is refused.
/// </summary>
public sealed class EvaluationReportPagesTests
{
    [Theory, ProviderData]
    public async Task Staff_open_the_2024_report_download_it_set_an_indicator_and_compare_ten_years(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");

        var page = await staff.GetStringAsync("/manage/2024/evaluation");
        Assert.Contains("Evaluation report 2024", page);
        Assert.Contains("Response rates by survey", page);
        Assert.Contains("paired t-interval", page);
        Assert.Contains("role=\"img\"", page);
        Assert.Contains("<caption>Response rates (the chart", page);
        Assert.Contains("80% report new knowledge of U.S. multijurisdictional task forces", page);
        Assert.Contains("Objective 2:", page);
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("style=\"", page);

        var pdf = await staff.GetAsync("/manage/2024/evaluation?handler=Download&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);

        var xlsx = await staff.GetByteArrayAsync("/manage/2024/evaluation?handler=Download&format=xlsx");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using (var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx)))
        {
            var names = new List<string>();
            do
            {
                names.Add(reader.Name);
            }
            while (reader.NextResult());
            Assert.Equal(["Surveys", "Objectives", "Questions", "Pairs", "Connections", "Free text", "Participation", "Indicators"], names);
        }

        using (var json = JsonDocument.Parse(await staff.GetStringAsync("/manage/2024/evaluation?handler=Download&format=json")))
        {
            Assert.Equal(2024, json.RootElement.GetProperty("edition").GetInt32());
            Assert.True(json.RootElement.GetProperty("surveys").GetArrayLength() > 0);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/manage/2024/evaluation?handler=Download&format=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/manage/2024/evaluation?handler=Download&format=1")).StatusCode);

        // A refused indicator keeps what was typed and names the field; a good one is listed.
        var form = await staff.GetStringAsync("/manage/2024/evaluation/indicators");
        var token = TmsswAppFactory.AntiForgery(form);
        var refused = await staff.PostAsync("/manage/2024/evaluation/indicators", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Text"] = "Half the cohort reached by objective 3",
            ["Input.Measure"] = "ReachedShare",
            ["Input.Target"] = "150",
            ["Input.ObjectiveNumber"] = "3",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Target: The target", refusedPage);
        Assert.Contains("value=\"Half the cohort reached by objective 3\"", refusedPage);
        var saved = await staff.PostAsync("/manage/2024/evaluation/indicators", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Text"] = "Half the cohort reached by objective 3",
            ["Input.Measure"] = "ReachedShare",
            ["Input.Target"] = "50",
            ["Input.ObjectiveNumber"] = "3",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Half the cohort reached by objective 3", await staff.GetStringAsync("/manage/2024/evaluation"));

        var tenYears = await staff.GetStringAsync("/manage/evaluation/ten-years");
        Assert.Contains("Ten years at a glance", tenYears);
        Assert.Contains("Meridian International Center (implementing partner), program report", tenYears);
        Assert.Contains("counted: <strong>", tenYears);
        Assert.Contains("indicators met", tenYears);
        Assert.Contains(">2015 <", tenYears);

        var host = await app.SignInAsync("host@tmssw.test");
        Assert.NotEqual(HttpStatusCode.OK, (await host.GetAsync("/manage/2024/evaluation")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await host.GetAsync("/manage/2024/evaluation?handler=Download&format=json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await host.GetAsync("/manage/evaluation/ten-years")).StatusCode);
    }
}
