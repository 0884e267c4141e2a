namespace Tmssw.Cli.Commands.Itineraries;

/// <summary>Writes through a temporary file and moves it in place, so a failed write leaves no half file.</summary>
internal static class FileOutput
{
    public static async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        var temp = path + ".partial";
        try
        {
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {path}: {e.Message}", 2);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
