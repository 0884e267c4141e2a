namespace Tmssw.Web.Security;

/// <summary>
/// Refuses a request whose query string or form fields carry a NUL or another C0 control character
/// (tab, line feed and carriage return aside) with a 400 that names the field. No person types one;
/// PostgreSQL cannot even store a NUL in text, so letting one through would end in a 500 deep in a query.
/// </summary>
public static class ControlCharacters
{
    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var bad = context.Request.Query.FirstOrDefault(q => q.Value.Any(HasControl)).Key;
            if (bad is null && context.Request.HasFormContentType
                && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    bad = form.FirstOrDefault(f => f.Value.Any(HasControl)).Key;
                }
                catch (InvalidDataException)
                {
                    // ASP.NET Core's own form reader refuses an encoded NUL (%00) before any field can be named.
                    bad = "(the form)";
                }
            }

            if (bad is not null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"The field '{Printable(bad)}' holds a control character (such as NUL) that no form or link sends; remove it and try again.", context.RequestAborted);
                return;
            }

            await next(context);
        });

    public static bool HasControl(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r');

    private static string Printable(string name) =>
        new(name.Select(c => char.IsControl(c) ? '?' : c).Take(100).ToArray());
}
