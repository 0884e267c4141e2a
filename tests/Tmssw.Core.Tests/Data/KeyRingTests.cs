using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Data;

/// <summary>The key ring in the database is encrypted with a certificate kept outside it, and survives a rotation.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ServiceProvider Services(TestDatabase database, KeyRingSetting keys) =>
        new ServiceCollection().AddTmsswCore(database.Setting, keys).BuildServiceProvider();

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingTests");

    [Theory, ProviderData]
    public async Task The_stored_key_ring_reveals_no_key_and_old_keys_still_decrypt_after_a_rotation(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync()).DisposeAsync();
        var first = Path.Combine(folder, "first.pfx");
        var second = Path.Combine(folder, "second.pfx");
        Assert.True(KeyRing.Create(first, "first-password"));
        Assert.True(KeyRing.Create(second, "second-password"));

        string cipher;
        await using (var services = Services(database, new KeyRingSetting(first, "first-password", [], null, Configured: true)))
        {
            cipher = Protector(services).Protect("P1234567");
        }

        // A database dump: the key XML rows hold an encrypted secret, never the master key's value.
        await using (var db = database.NewContext())
        {
            var rows = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(rows);
            foreach (var xml in rows)
            {
                Assert.DoesNotContain("<masterKey", xml);
                Assert.DoesNotContain("unencrypted form", xml);
                Assert.Contains("EncryptedData", xml);
            }
        }

        // Rotated: the new certificate encrypts, the old one is kept to decrypt what it protected.
        await using (var services = Services(database, new KeyRingSetting(second, "second-password", [first], "first-password", Configured: true)))
        {
            Assert.Equal("P1234567", Protector(services).Unprotect(cipher));
        }

        // The database with the wrong certificate (or none): nothing decrypts.
        await using (var services = Services(database, new KeyRingSetting(second, "second-password", [], null, Configured: true)))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(services).Unprotect(cipher));
        }
    }

    [Fact]
    public void The_first_start_creates_a_certificate_beside_the_SQLite_file_and_the_next_start_reuses_it()
    {
        var setting = KeyRingSetting.Resolve(new DatabaseSetting(Path.Combine(folder, "data", "tmssw.db")), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Assert.False(setting.Configured);
        Assert.Equal(Path.Combine(folder, "data", KeyRingSetting.DefaultFileName), setting.CertificatePath);

        var created = KeyRing.LoadOrCreate(setting);
        Assert.True(File.Exists(setting.CertificatePath));
        Assert.True(created.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(setting.CertificatePath));
        }

        Assert.Equal(created.Thumbprint, KeyRing.LoadOrCreate(setting).Thumbprint);
        Assert.False(KeyRing.Create(setting.CertificatePath), "a second instance starting at the same time keeps the first certificate");
    }

    [Fact]
    public void A_configured_certificate_that_is_missing_or_has_the_wrong_password_is_named_in_the_error()
    {
        var missing = Path.Combine(folder, "missing.pfx");
        var e = Assert.Throws<InvalidOperationException>(() => KeyRing.LoadOrCreate(new KeyRingSetting(missing, null, [], null, Configured: true)));
        Assert.Contains(missing, e.Message);
        Assert.False(File.Exists(missing), "a configured certificate is never invented");

        var locked = Path.Combine(folder, "locked.pfx");
        KeyRing.Create(locked, "right-password");
        var wrong = Assert.Throws<InvalidOperationException>(() => KeyRing.LoadOrCreate(new KeyRingSetting(locked, "wrong-password", [], null, Configured: true)));
        Assert.Contains(KeyRingSetting.PasswordVariable, wrong.Message);
    }
}
