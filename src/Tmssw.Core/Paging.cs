namespace Tmssw.Core;

/// <summary>
/// The rows a page skips, for every paged list. <c>(page - 1) * size</c> in <see cref="int"/> overflows
/// for a large page number from a query string (page 715,827,884 of 3 wrapped to a negative OFFSET that
/// PostgreSQL refuses, a 500); here it is computed in 64 bits and held to what a query can skip, so a page
/// past the end is simply empty.
/// </summary>
public static class Paging
{
    public static int Skip(int page, int pageSize) =>
        (int)Math.Clamp((Math.Max(1L, page) - 1) * Math.Max(1L, pageSize), 0L, int.MaxValue);
}
