using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tmssw.Testing;

/// <summary>
/// A real SMTP server on loopback for the mail tests: Debian's python3-aiosmtpd (installed by test.sh)
/// with a small handler that writes each accepted message, as received, to a folder (one .eml file
/// each). With <c>refuseFirst</c> it answers the first N DATA commands with 451 (try again later), as
/// a busy or greylisting server does, to prove that sending retries. With <c>delayMilliseconds</c> it
/// takes that long to accept each message, as a slow server does (to let sending rounds overlap).
/// Dispose stops the server.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    /// <summary>The aiosmtpd handler (aiosmtpd calls <c>from_cli</c> with the arguments after <c>-c</c>).</summary>
    private const string Handler = """
        import asyncio, os, uuid

        class Sink:
            def __init__(self, folder, refuse_first, delay_ms):
                self.folder = folder
                self.refuse_left = refuse_first
                self.delay = delay_ms / 1000.0

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0], int(args[1]) if len(args) > 1 else 0, int(args[2]) if len(args) > 2 else 0)

            async def handle_DATA(self, server, session, envelope):
                if self.delay > 0:
                    await asyncio.sleep(self.delay)
                if self.refuse_left > 0:
                    self.refuse_left -= 1
                    return '451 4.3.0 Mailbox busy, try again later (test server)'
                name = uuid.uuid4().hex
                tmp = os.path.join(self.folder, name + '.tmp')
                with open(tmp, 'wb') as f:
                    f.write(envelope.original_content)
                os.rename(tmp, os.path.join(self.folder, name + '.eml'))
                return '250 OK'
        """;

    public const string Python = "/usr/bin/python3";

    private readonly Process process;
    private readonly string root;

    private SmtpSink(Process process, string root, int port)
    {
        this.process = process;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    public string Folder => Path.Combine(root, "received");

    /// <summary>The URL the product's <c>TMSSW_SMTP</c> takes.</summary>
    public string Url => $"smtp://127.0.0.1:{Port}";

    public static async Task<SmtpSink> StartAsync(int refuseFirst = 0, int delayMilliseconds = 0)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing; run ./test.sh, which installs python3-aiosmtpd.");
        }

        var root = Directory.CreateTempSubdirectory("tmssw-smtp-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "received"));
        await File.WriteAllTextAsync(Path.Combine(root, "tmssw_smtp_sink.py"), Handler);
        var port = FreePort();
        var info = new ProcessStartInfo(Python)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "tmssw_smtp_sink.Sink", Path.Combine(root, "received"), refuseFirst.ToString(System.Globalization.CultureInfo.InvariantCulture), delayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PYTHONPATH"] = root;
        var process = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var sink = new SmtpSink(process, root, port);
        var stderr = process.StandardError.ReadToEndAsync();
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited ({process.ExitCode}); is python3-aiosmtpd installed? {await stderr}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await sink.DisposeAsync();
        throw new InvalidOperationException("aiosmtpd did not listen within 10 s.");
    }

    /// <summary>The messages received so far, as raw RFC 5322 bytes, oldest first.</summary>
    public IReadOnlyList<byte[]> Received() =>
        [.. new DirectoryInfo(Folder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name).Select(f => File.ReadAllBytes(f.FullName))];

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
