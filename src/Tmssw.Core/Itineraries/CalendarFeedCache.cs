using Microsoft.Extensions.Caching.Memory;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// How long a built calendar feed is reused for the same owner (<c>Feeds:CacheSeconds</c>, default 60; 0 turns
/// the reuse off). The token is still checked on every fetch, so a revoked link stops at once; only the
/// content may be up to this old. Calendar apps refresh a subscribed feed every few minutes to every few
/// hours, so a minute is invisible to them, and a hundred phones polling one itinerary cost one build a minute.
/// </summary>
public sealed record CalendarFeedSettings(int CacheSeconds = CalendarFeedSettings.DefaultCacheSeconds)
{
    public const int DefaultCacheSeconds = 60;

    /// <summary>The environment variable the web app's configuration also reads (<c>Feeds:CacheSeconds</c>).</summary>
    public const string EnvironmentVariable = "Feeds__CacheSeconds";

    public TimeSpan CacheFor => TimeSpan.FromSeconds(Math.Clamp(CacheSeconds, 0, 3600));

    /// <summary>For the CLI: <c>Feeds__CacheSeconds</c> when set to a whole number from 0 to 3600, else 60.</summary>
    public static CalendarFeedSettings FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var seconds) && seconds is >= 0 and <= 3600
            ? new CalendarFeedSettings(seconds)
            : new CalendarFeedSettings();
}

/// <summary>
/// The built feeds of this instance, by owner, bounded in size (16 million characters, about 32 MB: a few
/// hundred itineraries); the least recently used go first when it is full. Each instance keeps its own:
/// two instances may each build a feed once a minute.
/// </summary>
public sealed class CalendarFeedCache(CalendarFeedSettings settings) : IDisposable
{
    private const long MaxCharacters = 16_000_000;
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxCharacters, CompactionPercentage = 0.25 });

    public bool Enabled => settings.CacheFor > TimeSpan.Zero;

    public CalendarFile? Find(FeedOwner owner) => Enabled && cache.TryGetValue(owner, out CalendarFile? file) ? file : null;

    public void Keep(FeedOwner owner, CalendarFile file)
    {
        if (Enabled && file.Content.Length < MaxCharacters / 4)
        {
            cache.Set(owner, file, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = settings.CacheFor, Size = file.Content.Length });
        }
    }

    public void Dispose() => cache.Dispose();
}
