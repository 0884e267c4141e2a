namespace Tmssw.Core.Itineraries;

/// <summary>What a block of the program book is; each renderer (HTML, PDF) styles them its own way.</summary>
public enum BookBlockKind
{
    Title,
    CoverLine,
    Heading,
    Paragraph,
    Contact,
    RosterLine,
    Day,
    EntryHeading,
    EntryDetail,
    Note,
}

/// <summary>One block of the book: its words, already in the reader's language; cancelled entries struck through.</summary>
public sealed record BookBlock(BookBlockKind Kind, string Text, bool Cancelled = false);

/// <summary>The book's content in one language: blocks in reading order, and which way the text runs.</summary>
public sealed record ProgramBookContent(string Language, bool RightToLeft, string Title, IReadOnlyList<BookBlock> Blocks);

/// <summary>
/// The program book's content, composed from an <see cref="Itinerary"/> in one of the six languages:
/// a cover (edition, the person's name), the objectives, contacts (staff, interpreter, emergency
/// numbers), the group's roster (names and countries only), then day by day, each item at the local
/// time of where it happens with its zone. Pure: the HTML and PDF renderers draw these blocks.
/// </summary>
public static class ProgramBook
{
    public static ProgramBookContent Compose(Itinerary itinerary, string? language = null)
    {
        var lang = TravellerText.Resolve(language, itinerary.PreferredLanguage);
        string T(string key) => TravellerText.Get(key, lang);
        var blocks = new List<BookBlock>
        {
            new(BookBlockKind.Title, T("BookTitle")),
            new(BookBlockKind.CoverLine, itinerary.EditionTitle),
            new(BookBlockKind.CoverLine, $"{T("Edition")} {itinerary.EditionYear}"),
            new(BookBlockKind.Title, itinerary.OwnerName),
        };
        if (itinerary.GroupName is { Length: > 0 } group)
        {
            blocks.Add(new(BookBlockKind.CoverLine, $"{T("Group")}: {group}"));
        }

        if (itinerary.Objectives.Count > 0)
        {
            blocks.Add(new(BookBlockKind.Heading, T("Objectives")));
            blocks.AddRange(itinerary.Objectives.Select(o => new BookBlock(BookBlockKind.Paragraph, o)));
        }

        blocks.Add(new(BookBlockKind.Heading, T("Contacts")));
        foreach (var c in itinerary.Contacts)
        {
            var parts = new[] { RoleName(c.Role, lang), c.Name, c.Phone, c.Email }.Where(s => !string.IsNullOrWhiteSpace(s));
            blocks.Add(new(BookBlockKind.Contact, string.Join(" · ", parts)));
        }

        if (!itinerary.Contacts.Any(c => c.Role.StartsWith("emergency", StringComparison.OrdinalIgnoreCase)))
        {
            blocks.Add(new(BookBlockKind.Contact, T("EmergencyUs")));
        }

        if (itinerary.Roster.Count > 0)
        {
            blocks.Add(new(BookBlockKind.Heading, T("Roster")));
            blocks.AddRange(itinerary.Roster.Select(r => new BookBlock(BookBlockKind.RosterLine, $"{r.Name} · {CountryName(r.Country)}")));
        }

        blocks.Add(new(BookBlockKind.Heading, T("DayByDay")));
        blocks.Add(new(BookBlockKind.Note, T("TimesAreLocal")));
        if (itinerary.Entries.Count == 0)
        {
            blocks.Add(new(BookBlockKind.Paragraph, T("NoEntries")));
        }

        foreach (var day in itinerary.Entries.OrderBy(e => e.StartInstant).GroupBy(e => e.LocalStart.Date))
        {
            blocks.Add(new(BookBlockKind.Day, TravellerText.LongDate(day.Key, lang)));
            foreach (var e in day)
            {
                blocks.AddRange(EntryBlocks(e, lang));
            }
        }

        return new ProgramBookContent(lang, TravellerText.IsRightToLeft(lang), $"{T("BookTitle")} · {itinerary.OwnerName}", blocks);
    }

    /// <summary>An item as the book and Today word it: a heading line, then its details.</summary>
    public static IEnumerable<BookBlock> EntryBlocks(ItineraryEntry e, string lang)
    {
        string T(string key) => TravellerText.Get(key, lang);
        var cancelled = e.Cancelled;
        yield return new(BookBlockKind.EntryHeading, $"{TimeRange(e, lang)} · {TravellerText.KindName(e.Kind, lang)} · {e.Title}" + (cancelled ? $" ({T("Cancelled")})" : ""), cancelled);
        yield return new(BookBlockKind.EntryDetail, $"{T("TimeZone")}: {TravellerText.Zone(e.TimeZoneId, e.LocalStart)}" +
            (e.EndTimeZoneId is { } endZone && endZone != e.TimeZoneId ? $" → {TravellerText.Zone(endZone, e.LocalEnd)}" : ""), cancelled);
        var place = string.Join(", ", new[] { e.PlaceName, e.CityName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (place.Length > 0)
        {
            yield return new(BookBlockKind.EntryDetail, $"{T("Place")}: {place}", cancelled);
        }

        if (!string.IsNullOrWhiteSpace(e.Address))
        {
            yield return new(BookBlockKind.EntryDetail, $"{T("Address")}: {e.Address}", cancelled);
        }

        if (!string.IsNullOrWhiteSpace(e.HostName))
        {
            yield return new(BookBlockKind.EntryDetail, $"{T("Host")}: {e.HostName}", cancelled);
        }

        if (!string.IsNullOrWhiteSpace(e.InterpreterName))
        {
            yield return new(BookBlockKind.EntryDetail, $"{T("Interpreter")}: {e.InterpreterName}", cancelled);
        }

        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            yield return new(BookBlockKind.EntryDetail, e.Description, cancelled);
        }
    }

    /// <summary>"09:00–10:30", or with the end's date when it ends on another day (an overnight flight).</summary>
    public static string TimeRange(ItineraryEntry e, string lang)
    {
        var start = TravellerText.Time(e.LocalStart, lang);
        var end = TravellerText.Time(e.LocalEnd, lang);
        if (e.LocalEnd.Date != e.LocalStart.Date)
        {
            end = $"{e.LocalEnd.ToString("d MMM", TravellerText.CultureOf(lang))} {end}";
        }

        return $"{start} – {end}";
    }

    /// <summary>Known contact roles in the reader's language; any other role as written.</summary>
    public static string RoleName(string role, string lang) => role.Trim().ToLowerInvariant() switch
    {
        var r when r.StartsWith("emergency", StringComparison.Ordinal) => TravellerText.Get("Emergency", lang),
        "staff" or "program staff" => TravellerText.Get("Staff", lang),
        "interpreter" => TravellerText.Get("Interpreter", lang),
        "emergency" => TravellerText.Get("Emergency", lang),
        "host" => TravellerText.Get("Host", lang),
        _ => role,
    };

    private static string CountryName(string country) => Reference.Countries.FindByCode(country)?.Name ?? country;
}
