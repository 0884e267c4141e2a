using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

public sealed class SensitiveFieldsTests
{
    [Theory, ProviderData]
    public async Task Sensitive_values_are_stored_encrypted_and_read_back_by_another_instance(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int id;
        await using (var services = new ServiceCollection().AddTmsswCore(database.Setting).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            await DatabaseRegistration.MigrateAsync(db);
            db.Editions.Add(new Tmssw.Core.Editions.Edition { Year = 2030, Title = "t" });
            await db.SaveChangesAsync();
            var p = new Participant { EditionId = db.Editions.Single().Id, GivenName = "A", FamilyName = "B", Country = "EC" };
            scope.ServiceProvider.GetRequiredService<SensitiveFields>()
                .Write(p, new SensitiveValues("P1234567", new DateOnly(1980, 3, 4), "a.b@example.org", "+593 2 123 4567"));
            db.Participants.Add(p);
            await db.SaveChangesAsync();
            id = p.Id;
        }

        // Straight from the database: no clear text anywhere in the row.
        await using (var db = database.NewContext())
        {
            var raw = await db.Participants.AsNoTracking().SingleAsync(x => x.Id == id);
            foreach (var stored in new[] { raw.PassportNumberProtected, raw.DateOfBirthProtected, raw.PersonalEmailProtected, raw.PersonalPhoneProtected })
            {
                Assert.NotNull(stored);
                Assert.DoesNotContain("P1234567", stored);
                Assert.DoesNotContain("1980", stored);
                Assert.DoesNotContain("example.org", stored);
                Assert.DoesNotContain("4567", stored);
            }

            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

        // A second "instance" (a new container) decrypts with the keys kept in the database.
        await using (var services = new ServiceCollection().AddTmsswCore(database.Setting).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var values = scope.ServiceProvider.GetRequiredService<SensitiveFields>().Read(await db.Participants.SingleAsync(x => x.Id == id));
            Assert.Equal(new SensitiveValues("P1234567", new DateOnly(1980, 3, 4), "a.b@example.org", "+593 2 123 4567"), values);
        }
    }

    [Fact]
    public void Masks_show_at_most_the_last_two_characters()
    {
        Assert.Equal("••••••67", SensitiveFields.Mask("P1234567"));
        Assert.Equal("••••", SensitiveFields.Mask("abc"));
        Assert.Equal("", SensitiveFields.Mask(null));
    }
}
