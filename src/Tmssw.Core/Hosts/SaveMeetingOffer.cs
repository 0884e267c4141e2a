using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;
using Tmssw.Core.Scheduling;

namespace Tmssw.Core.Hosts;

/// <summary>
/// A host's offer as typed in the form. <see cref="Windows"/>: one window per line (or separated by
/// ';'), either a date <c>2024-05-08 09:00-12:00</c> or a weekly pattern <c>Wed-Fri 13:00-17:00</c>
/// that applies to every program day it names. <see cref="Themes"/>: codes or names, comma-separated.
/// </summary>
public sealed record OfferInput(
    int? Id,
    int HostId,
    string? Topic,
    string? Themes,
    int? Minutes,
    int? VenueId,
    int? Value,
    bool Required,
    string? Windows,
    string? Objectives = null);

/// <summary>The hosts, venues and offers of a city for an edition: what the offers page lists.</summary>

/// <summary>
/// Creates or changes a meeting offer of one of the city's hosts for the edition. Errors are keyed
/// by the form field they belong to (Topic, Themes, Minutes, VenueId, Value, Windows, HostId). Audited.
/// </summary>
public sealed partial class SaveMeetingOffer(TmsswDbContext db, BuildScheduleInstance build, AuditLog audit)
{
    public async Task<(int? OfferId, IReadOnlyDictionary<string, string> Errors)> RunAsync(
        int year, string cityId, OfferInput input, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var errors = new Dictionary<string, string>();
        var (source, error) = await build.LoadAsync(year, cityId, cancellationToken);
        if (source is null)
        {
            errors[""] = error!;
            return (null, errors);
        }

        var host = await db.HostOrganizations.FirstOrDefaultAsync(h => h.Id == input.HostId && h.CityId == cityId, cancellationToken);
        if (host is null)
        {
            errors[nameof(OfferInput.HostId)] = "Choose one of this city's host organizations.";
        }

        var topic = input.Topic?.Trim() ?? "";
        if (topic.Length == 0)
        {
            errors[nameof(OfferInput.Topic)] = "Enter the meeting's topic.";
        }
        else if (topic.Length > 300)
        {
            errors[nameof(OfferInput.Topic)] = "Keep the topic under 300 characters.";
        }

        var themes = new List<string>();
        foreach (var t in (input.Themes ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Themes.Resolve(t) is { } theme)
            {
                themes.Add(theme.Code);
            }
            else
            {
                errors[nameof(OfferInput.Themes)] = $"'{t}' is not a theme; use {string.Join(", ", Themes.All.Select(x => x.Code))}.";
            }
        }

        if (input.Minutes is not { } minutes || minutes < 15 || minutes > 480)
        {
            errors[nameof(OfferInput.Minutes)] = "Enter the length in minutes, from 15 to 480.";
        }

        List<int>? objectives = null;
        if (input.Objectives is not null && scope.MaySetObjectives(source.Edition.Id))
        {
            var known = await db.Objectives.Where(o => o.EditionId == source.Edition.Id).Select(o => o.Number).ToListAsync(cancellationToken);
            objectives = [];
            foreach (var part in input.Objectives.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length > 4 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !known.Contains(n))
                {
                    errors[nameof(OfferInput.Objectives)] = $"Objectives served: give numbers of the edition's objectives ({string.Join(", ", known.Order())}), separated by commas.";
                    break;
                }

                objectives.Add(n);
            }
        }

        if (input.Value is not { } value || value < 0 || value > 10)
        {
            errors[nameof(OfferInput.Value)] = "Enter a value from 0 (nice to have) to 10 (essential).";
        }

        if (input.VenueId is { } venueId && !await db.Venues.AnyAsync(v => v.Id == venueId && v.CityId == cityId, cancellationToken))
        {
            errors[nameof(OfferInput.VenueId)] = "Choose one of this city's venues, or leave it empty for the host's own.";
        }

        var windows = ParseWindows(input.Windows, source.Days, out var windowError);
        if (windowError is not null)
        {
            errors[nameof(OfferInput.Windows)] = windowError;
        }

        MeetingOffer? offer = null;
        if (input.Id is { } id)
        {
            offer = await db.MeetingOffers.Include(o => o.Windows).Include(o => o.Host)
                .FirstOrDefaultAsync(o => o.Id == id && o.EditionId == source.Edition.Id && o.Host!.CityId == cityId, cancellationToken);
            if (offer is null)
            {
                errors[""] = "That offer is not one of this city's.";
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var isNew = offer is null;
        offer ??= new MeetingOffer { EditionId = source.Edition.Id };
        var before = Snapshot(offer);
        offer.HostOrganizationId = host!.Id;
        offer.Topic = topic;
        offer.Themes = themes;
        offer.DurationMinutes = input.Minutes!.Value;
        offer.Value = input.Value!.Value;
        offer.Required = input.Required;
        if (objectives is not null)
        {
            offer.Objectives = [.. objectives.Distinct().Order()];
        }

        offer.VenueId = input.VenueId ?? host.VenueId;
        db.OfferWindows.RemoveRange(offer.Windows);
        offer.Windows = windows;
        if (isNew)
        {
            db.MeetingOffers.Add(offer);
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, isNew ? "OfferCreated" : "OfferChanged", "MeetingOffer", offer.Id.ToString(CultureInfo.InvariantCulture),
            AuditLog.Diff(before, Snapshot(offer)));
        await db.SaveChangesAsync(cancellationToken);
        return (offer.Id, errors);
    }

    /// <summary>The windows as the form shows them: one line per window.</summary>
    public static string FormatWindows(IEnumerable<OfferWindow> windows) =>
        string.Join("\n", windows.OrderBy(w => w.Start).Select(w => $"{w.Start:yyyy-MM-dd HH:mm}-{w.End:HH:mm}"));

    internal static List<OfferWindow> ParseWindows(string? text, IReadOnlyList<DateOnly> days, out string? error)
    {
        error = null;
        var windows = new List<OfferWindow>();
        var parts = (text ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            error = "Enter at least one window, e.g. 2024-05-08 09:00-12:00 or Wed-Fri 13:00-17:00.";
            return windows;
        }

        foreach (var part in parts)
        {
            var m = DatedWindow().Match(part);
            if (m.Success)
            {
                if (!DateOnly.TryParseExact(m.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    || !TimeOnly.TryParseExact(m.Groups["t1"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                    || !TimeOnly.TryParseExact(m.Groups["t2"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                {
                    error = $"'{part}' is not a date and times such as 2024-05-08 09:00-12:00.";
                    return windows;
                }

                if (!days.Contains(day))
                {
                    error = $"{day:yyyy-MM-dd} is not a program day; the days are {string.Join(", ", days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}.";
                    return windows;
                }

                if (to <= from)
                {
                    error = $"In '{part}' the end is not after the start.";
                    return windows;
                }

                windows.Add(new OfferWindow { Start = day.ToDateTime(from), End = day.ToDateTime(to) });
                continue;
            }

            try
            {
                var expanded = AvailabilityPattern.Expand(part, days);
                if (expanded.Count == 0)
                {
                    error = $"'{part}' names no program day.";
                    return windows;
                }

                if (expanded.Any(w => w.End <= w.Start))
                {
                    error = $"In '{part}' the end is not after the start.";
                    return windows;
                }

                windows.AddRange(expanded);
            }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
            {
                error = $"'{part}' is neither a dated window (2024-05-08 09:00-12:00) nor a weekly one (Wed-Fri 13:00-17:00).";
                return windows;
            }
        }

        return [.. windows.OrderBy(w => w.Start)];
    }

    private static Dictionary<string, string?> Snapshot(MeetingOffer o) => new()
    {
        ["host"] = o.HostOrganizationId.ToString(CultureInfo.InvariantCulture),
        ["topic"] = o.Topic,
        ["themes"] = string.Join(",", o.Themes),
        ["minutes"] = o.DurationMinutes.ToString(CultureInfo.InvariantCulture),
        ["value"] = o.Value.ToString(CultureInfo.InvariantCulture),
        ["required"] = o.Required.ToString(),
        ["venue"] = o.VenueId?.ToString(CultureInfo.InvariantCulture),
        ["windows"] = FormatWindows(o.Windows),
        ["objectives"] = string.Join(";", o.Objectives),
    };

    [GeneratedRegex(@"^(?<d>\d{4}-\d{2}-\d{2})\s+(?<t1>\d{2}:\d{2})\s*-\s*(?<t2>\d{2}:\d{2})$")]
    private static partial Regex DatedWindow();
}
