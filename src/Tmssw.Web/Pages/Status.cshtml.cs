using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tmssw.Web.Pages;

/// <summary>Anonymous: the page shown for a 404, 429 or other status without a body.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet([FromQuery] int code) => Describe(code);

    public void OnPost([FromQuery] int code) => Describe(code);

    private void Describe(int code) => (Title, Message) = code switch
    {
        404 => ("Not found", "There is nothing here, or nothing you can see."),
        429 => ("Too many requests", "Wait a minute and try again."),
        400 => ("Bad request", "The form could not be read; reload the page and try again."),
        _ => ($"Error {code}", "The request could not be completed."),
    };
}
