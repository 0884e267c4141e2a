using System.Diagnostics;
using System.Text.Json;

namespace Tmssw.Testing;

/// <summary>
/// An independent reader for the product's iCalendar output: Mozilla's ical.js (MPL-2.0, what
/// Thunderbird uses) under Node, installed at test time from the npm registry with the lock file in
/// tests/Tmssw.Testing/IcalJs (test.sh installs nodejs and npm when missing). ical.js has no zone
/// database: it computes offsets only from the VTIMEZONEs in the file, and reads a TZID without one
/// as floating time, which <see cref="IcalTime.Floating"/> reports.
/// </summary>
public static class IcalJs
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IcalCalendar> ParseAsync(string ics)
    {
        var folder = await Installed.Value;
        var file = Path.Combine(folder, $"feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var (code, stdout, stderr) = await RunAsync("node", ["read-ics.mjs", file], folder);
            if (code != 0)
            {
                throw new InvalidOperationException($"ical.js could not read the calendar: {stderr}");
            }

            return JsonSerializer.Deserialize<IcalCalendar>(stdout, Json) ?? throw new InvalidOperationException("ical.js printed nothing.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> InstallAsync()
    {
        var source = FindSource();
        var folder = Directory.CreateTempSubdirectory("tmssw-icaljs-").FullName;
        foreach (var name in new[] { "package.json", "package-lock.json", "read-ics.mjs" })
        {
            File.Copy(Path.Combine(source, name), Path.Combine(folder, name));
        }

        var (code, _, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], folder);
        if (code != 0)
        {
            throw new InvalidOperationException($"npm ci of ical.js failed (test.sh installs nodejs and npm): {stderr}");
        }

        return folder;
    }

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Tmssw.Testing", "IcalJs");
            if (File.Exists(Path.Combine(candidate, "read-ics.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Tmssw.Testing/IcalJs not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string command, IEnumerable<string> args, string folder)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // ical.js turns floating times into instants with the process's zone: make that UTC, so a floating time is visible.
        info.Environment["TZ"] = "UTC";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}

public sealed record IcalTime(string? Tzid, DateTimeOffset Utc, int OffsetMinutes, bool Floating)
{
    public TimeSpan Offset => TimeSpan.FromMinutes(OffsetMinutes);

    /// <summary>The local wall-clock time the reader shows in the event's zone.</summary>
    public DateTime Local => Utc.UtcDateTime + Offset;
}

public sealed record IcalEvent(
    string Uid,
    string Summary,
    string? Location,
    string? Description,
    int Sequence,
    string? Status,
    double[]? Geo,
    IcalTime Start,
    IcalTime End);

public sealed record IcalCalendar(string? Name, IReadOnlyList<string> Zones, IReadOnlyList<string> MissingZones, IReadOnlyList<IcalEvent> Events);
