using Microsoft.AspNetCore.DataProtection;
using Tmssw.Core.Itineraries;
using ZXing;
using ZXing.Common;

namespace Tmssw.Core.Tests.Itineraries;

public sealed class BadgeTests
{
    private readonly EphemeralDataProtectionProvider keys = new();

    [Fact]
    public void Qr_codes_decoded_from_the_rendered_pdf_carry_tokens_that_verify()
    {
        var issue = new IssueBadgeToken(keys);
        var claims = new[]
        {
            new BadgeClaim(2024, "participant", 11),
            new BadgeClaim(2024, "participant", 12),
            new BadgeClaim(2024, "participant", 13),
            new BadgeClaim(2024, "interpreter", 4),
        };
        var badges = new[]
        {
            new Badge("Amira Haddad", "Jordan", "Participant", issue.Issue(claims[0])),
            new Badge("نور الهدى عبد الله", "Egypt", "Participant", issue.Issue(claims[1])),
            new Badge("Андрей Смирнов", "Kazakhstan", "Participant", issue.Issue(claims[2])),
            new Badge("Samir Nassar", "United States", "Interpreter · Phoenix group", issue.Issue(claims[3])),
        };
        var pdf = BadgeSheetPdf.Render(badges, "Badges 2024");

        // Decoded by ZXing.Net (not QRCoder, the encoder) from pages rendered by poppler's pdftoppm.
        var decoded = PdfTools.GreyPages(pdf, 150).SelectMany(Decode).ToList();
        Assert.Equal(badges.Select(b => b.Token).Order(StringComparer.Ordinal), decoded.Order(StringComparer.Ordinal));

        var verify = new VerifyBadgeToken(keys);
        Assert.Equal(claims.ToHashSet(), decoded.Select(t => verify.Verify(t)!).ToHashSet());

        // The names as written, read back from the PDF's text.
        var text = PdfTools.Text(pdf);
        Assert.Contains("Amira Haddad", text, StringComparison.Ordinal);
        Assert.Contains("Андрей Смирнов", text, StringComparison.Ordinal);
        Assert.True(PdfTools.HasWord(text, "الهدى"));
        Assert.Contains("Interpreter", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_token_or_one_from_other_keys_is_refused()
    {
        var token = new IssueBadgeToken(keys).Issue(new BadgeClaim(2024, "participant", 11));
        var verify = new VerifyBadgeToken(keys);
        Assert.Equal(new BadgeClaim(2024, "participant", 11), verify.Verify(token));

        for (var i = 0; i < token.Length; i += 7)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(verify.Verify(changed));
        }

        Assert.Null(verify.Verify(token[..^1]));
        Assert.Null(verify.Verify(""));
        Assert.Null(verify.Verify("tmssw-badge|2024|participant|11"));
        Assert.Null(new VerifyBadgeToken(new EphemeralDataProtectionProvider()).Verify(token));
    }

    [Fact]
    public void Two_tokens_for_the_same_badge_differ()
    {
        var issue = new IssueBadgeToken(keys);
        var claim = new BadgeClaim(2024, "participant", 11);
        Assert.NotEqual(issue.Issue(claim), issue.Issue(claim));
    }

    private static IEnumerable<string> Decode((int Width, int Height, byte[] Pixels) page)
    {
        var source = new RGBLuminanceSource(page.Pixels, page.Width, page.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.DecodeMultiple(source)?.Select(r => r.Text) ?? [];
    }
}
