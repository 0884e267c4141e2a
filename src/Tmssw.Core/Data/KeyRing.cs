using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tmssw.Core.Data;

/// <summary>
/// Where the certificate that encrypts the Data Protection key ring comes from. The key ring itself
/// lives in the database (every instance and the CLI share it); the certificate never does, so a
/// database dump alone decrypts nothing and forges no sign-in cookie.
/// <list type="bullet">
/// <item><c>TMSSW_KEY_CERT</c>: a PKCS#12 (.pfx) file with the current certificate and its private key;</item>
/// <item><c>TMSSW_KEY_CERT_PASSWORD</c>: its password, if it has one;</item>
/// <item><c>TMSSW_KEY_CERT_OLD</c>: earlier certificates (.pfx paths separated by <c>;</c>), kept after a
/// rotation only to decrypt the keys they encrypted; <c>TMSSW_KEY_CERT_OLD_PASSWORD</c> their password.</item>
/// </list>
/// Without <c>TMSSW_KEY_CERT</c>, the certificate is <c>keyring.pfx</c> beside the SQLite file
/// (<c>data/keyring.pfx</c> for the default database; <c>data/keyring.pfx</c> under the working folder for
/// PostgreSQL), created on first use with a line on the console.
/// </summary>
public sealed record KeyRingSetting(string CertificatePath, string? Password, IReadOnlyList<string> OldCertificatePaths, string? OldPassword, bool Configured)
{
    public const string CertificateVariable = "TMSSW_KEY_CERT";
    public const string PasswordVariable = "TMSSW_KEY_CERT_PASSWORD";
    public const string OldCertificatesVariable = "TMSSW_KEY_CERT_OLD";
    public const string OldPasswordVariable = "TMSSW_KEY_CERT_OLD_PASSWORD";
    public const string DefaultFileName = "keyring.pfx";

    /// <summary>From configuration (the web app: environment, command line, appsettings) or, without one, the environment.</summary>
    public static KeyRingSetting Resolve(DatabaseSetting database, IConfiguration? configuration = null)
    {
        string? Read(string name) => (configuration?[name] ?? Environment.GetEnvironmentVariable(name)) is { Length: > 0 } v ? v.Trim() : null;
        var path = Read(CertificateVariable);
        var old = (Read(OldCertificatesVariable) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new KeyRingSetting(path ?? DefaultPath(database), Read(PasswordVariable), old, Read(OldPasswordVariable), path is not null);
    }

    /// <summary>Beside the SQLite file, else <c>data/</c> under the working folder.</summary>
    public static string DefaultPath(DatabaseSetting database)
    {
        var folder = database.IsPostgres
            ? "data"
            : Path.GetDirectoryName(Path.GetFullPath(database.Value)) is { Length: > 0 } f ? f : "data";
        return Path.GetFullPath(Path.Combine(folder, DefaultFileName));
    }
}

/// <summary>Data Protection with its key ring in the database, encrypted by the certificate of <see cref="KeyRingSetting"/>.</summary>
public static class KeyRing
{
    public static IServiceCollection AddTmsswKeyRing(this IServiceCollection services, KeyRingSetting setting)
    {
        services.AddSingleton(setting);
        var current = LoadOrCreate(setting);
        var builder = services.AddDataProtection()
            .SetApplicationName("tmssw")
            .PersistKeysToDbContext<TmsswDbContext>()
            .ProtectKeysWithCertificate(current);
        var old = setting.OldCertificatePaths.Select(p => Load(p, setting.OldPassword)).ToArray();
        builder.UnprotectKeysWithAnyCertificate([current, .. old]);
        return services;
    }

    /// <summary>The configured certificate, or the default one, created when it does not exist yet.</summary>
    public static X509Certificate2 LoadOrCreate(KeyRingSetting setting)
    {
        if (setting.Configured || File.Exists(setting.CertificatePath))
        {
            return Load(setting.CertificatePath, setting.Password);
        }

        var created = Create(setting.CertificatePath);
        if (created)
        {
            Console.Error.WriteLine($"  Created {setting.CertificatePath}: the certificate that encrypts the key ring in the database.");
            Console.Error.WriteLine($"  Keep it safe and out of database backups; every instance needs the same file ({KeyRingSetting.CertificateVariable}).");
        }

        return Load(setting.CertificatePath, null);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The key ring certificate {path} does not exist (set by {KeyRingSetting.CertificateVariable} or {KeyRingSetting.OldCertificatesVariable}).");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            {
                throw new InvalidOperationException($"The key ring certificate {path} has no RSA private key.");
            }

            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"Cannot read the key ring certificate {path} (wrong {KeyRingSetting.PasswordVariable}, or not a .pfx file): {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a new self-signed RSA certificate with its private key as a .pfx readable by its owner only.
    /// False when another process created it first (two instances starting at once keep the first one).
    /// </summary>
    public static bool Create(string path, string? password = null, string subject = "CN=TMSSW key ring")
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));
        var bytes = certificate.Export(X509ContentType.Pkcs12, password);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }
}
