using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Tabular;
using Tmssw.Web.Security;
using Tmssw.Web.Shared;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// Admin and the edition's Staff; a Nominator for their own country's rows (others are invalid):
/// upload a spreadsheet, see every row's outcome and problem at once, choose skip or update for
/// duplicates, and commit in one transaction.
/// </summary>
[Authorize(Policy = Policies.Nominations)]
[RequestSizeLimit(UploadStore.MaxBytes + 64 * 1024)]
public sealed class ImportModel(CurrentUser current, UploadStore uploads, PreviewImport preview, CommitImport commit)
    : EditionPage(current)
{
    public ImportPreview? Preview { get; private set; }
    public ImportResult? Result { get; private set; }
    public Guid? UploadId { get; private set; }
    public string? Sheet { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadImportingAsync(year, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(int year, IFormFile? file, string? sheet, CancellationToken cancellationToken)
    {
        if (await LoadImportingAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Sheet = sheet;
        if (file is null || file.Length == 0)
        {
            Error = "Choose a CSV or XLSX file to import.";
            return Page();
        }

        if (file.Length > UploadStore.MaxBytes)
        {
            Error = TabularFile.TooLargeMessage(file.Length);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (upload, tooMuch) = await uploads.PutAsync(Scope.UserId, Path.GetFileName(file.FileName), string.IsNullOrWhiteSpace(sheet) ? null : sheet.Trim(), buffer.ToArray(), cancellationToken);
        if (upload is null)
        {
            Error = tooMuch;
            return Page();
        }

        return await PreviewAsync(upload, choices: null, cancellationToken);
    }

    public async Task<IActionResult> OnPostCommitAsync(int year, Guid upload, [FromForm(Name = "choice")] Dictionary<int, ImportAction>? choice, CancellationToken cancellationToken)
    {
        if (await LoadImportingAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var file = await uploads.GetAsync(upload, Scope.UserId, cancellationToken);
        if (file is null)
        {
            Error = "The uploaded file has expired (files are kept for an hour). Upload it again.";
            return Page();
        }

        try
        {
            Result = await commit.RunAsync(Scope, new ImportSource(file.Content, file.FileName, file.Sheet), new ImportOptions(Edition.Year, Choices: choice), cancellationToken: cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            Error = e.Message;
            return Page();
        }

        if (Result.Preview.Rejected)
        {
            Preview = Result.Preview;
            UploadId = upload;
            Result = null;
            return Page();
        }

        await uploads.RemoveAsync(upload, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> PreviewAsync(Upload upload, IReadOnlyDictionary<int, ImportAction>? choices, CancellationToken cancellationToken)
    {
        try
        {
            Preview = await preview.RunAsync(Scope, new ImportSource(upload.Content, upload.FileName, upload.Sheet), new ImportOptions(Edition.Year, Choices: choices), cancellationToken: cancellationToken);
            UploadId = upload.Id;
        }
        catch (UnreadableFileException e)
        {
            Error = e.Message;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadImportingAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Scope.MayNominateIn(Edition.Id) ? null : NotFound();
    }
}
