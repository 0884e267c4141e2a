using Tmssw.Core.Accounts;

namespace Tmssw.Core.Itineraries;

/// <summary>Whose book: one participant (by record id) or one city group (by city slug).</summary>
public sealed record BookRequest(int Year, int? ParticipantId = null, string? City = null, string? Language = null);

/// <summary>A rendered book: its bytes, media type and the language it came out in.</summary>
public sealed record PrintedBook(byte[] Content, string ContentType, string Language, string FileName);

/// <summary>
/// A participant's or a group's program book as HTML or PDF, in the language asked for, else the
/// participant's interpretation language, else English. The itinerary comes from
/// <see cref="GetItinerary"/>, which enforces the caller's scope (404 for anyone else's book).
/// </summary>
public sealed class PrintProgramBook(GetItinerary itineraries)
{
    public async Task<ProgramBookContent> ComposeAsync(UserScope scope, BookRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Itinerary itinerary;
        if (request.ParticipantId is { } id)
        {
            itinerary = await itineraries.ForParticipantAsync(scope, request.Year, id, ct);
        }
        else if (!string.IsNullOrWhiteSpace(request.City))
        {
            itinerary = await itineraries.ForGroupAsync(scope, request.Year, request.City, ct);
        }
        else
        {
            throw new ArgumentException("a book is for a participant or a group", nameof(request));
        }

        return ProgramBook.Compose(itinerary, request.Language);
    }

    public async Task<PrintedBook> PdfAsync(UserScope scope, BookRequest request, CancellationToken ct = default)
    {
        var book = await ComposeAsync(scope, request, ct);
        return new PrintedBook(ProgramBookPdf.Render(book), "application/pdf", book.Language, FileName(request, book, "pdf"));
    }

    public async Task<PrintedBook> HtmlAsync(UserScope scope, BookRequest request, string? stylesheetHref = null, CancellationToken ct = default)
    {
        var book = await ComposeAsync(scope, request, ct);
        return new PrintedBook(System.Text.Encoding.UTF8.GetBytes(ProgramBookHtml.Render(book, stylesheetHref)), "text/html; charset=utf-8", book.Language, FileName(request, book, "html"));
    }

    private static string FileName(BookRequest request, ProgramBookContent book, string extension) =>
        request.ParticipantId is { } id
            ? $"program-book-{request.Year}-participant-{id}-{book.Language}.{extension}"
            : $"program-book-{request.Year}-{request.City?.Trim().ToLowerInvariant()}-{book.Language}.{extension}";
}
