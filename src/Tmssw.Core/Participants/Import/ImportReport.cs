using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tmssw.Core.Participants.Import;

/// <summary>
/// The import report as JSON, the same for <c>tmssw import nominations --json</c> and the golden
/// tests: counts (<c>rows</c>, <c>added</c>, <c>updated</c>, <c>skipped</c>, <c>invalid</c>), then
/// <c>errors</c> and <c>warnings</c> (<c>line</c>, <c>cell</c> for XLSX, <c>column</c>,
/// <c>message</c>; row warnings are words kept as written) and <c>duplicates</c> (the row, the
/// participant it matches, how, what is done; only "possible duplicate" when the match rests on a
/// field the caller may not see).
/// In a dry run the counts say what an import would do.
/// </summary>
public static class ImportReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToJson(ImportPreview preview, bool dryRun)
    {
        var json = new JsonObject
        {
            ["file"] = preview.FileName,
            ["format"] = preview.Format,
        };
        if (preview.Sheet is not null)
        {
            json["sheet"] = preview.Sheet;
        }

        json["edition"] = preview.EditionYear;
        json["dryRun"] = dryRun;
        json["rows"] = preview.Rows.Count;
        json["added"] = preview.Count(ImportAction.Add);
        json["updated"] = preview.Count(ImportAction.Update);
        json["skipped"] = preview.Count(ImportAction.Skip);
        json["invalid"] = preview.Count(ImportAction.Invalid);
        json["errors"] = new JsonArray(preview.FileErrors.Concat(preview.Rows.SelectMany(r => r.Errors)).Select(Issue).ToArray());
        json["warnings"] = new JsonArray(preview.Warnings.Concat(preview.Rows.SelectMany(r => r.Warnings)).Select(Issue).ToArray());
        json["duplicates"] = new JsonArray(preview.Rows.Where(r => r.Duplicate is not null || r.PossibleDuplicate).Select(Duplicate).ToArray());
        return json;
    }

    public static string Serialize(ImportPreview preview, bool dryRun) => ToJson(preview, dryRun).ToJsonString(Options);

    private static JsonNode Duplicate(ImportPreviewRow r) => r.Duplicate is { } d
        ? new JsonObject
        {
            ["line"] = r.Line,
            ["participantId"] = d.Existing.Id,
            ["name"] = $"{d.Existing.GivenName} {d.Existing.FamilyName}",
            ["match"] = d.Kind == DuplicateKind.Passport ? "passport" : "name, date of birth and country",
            ["action"] = r.Action.ToString().ToLowerInvariant(),
            ["changes"] = new JsonArray(d.Changes.Select(c => (JsonNode)JsonValue.Create(c.Field)!).ToArray()),
        }
        : new JsonObject
        {
            ["line"] = r.Line,
            ["match"] = "possible duplicate: staff will review",
            ["action"] = r.Action.ToString().ToLowerInvariant(),
        };

    private static JsonNode Issue(ImportIssue issue)
    {
        var o = new JsonObject { ["line"] = issue.Line };
        if (issue.Cell is not null)
        {
            o["cell"] = issue.Cell;
        }

        o["column"] = issue.Column;
        o["message"] = issue.Message;
        return o;
    }
}
