namespace Tmssw.Core.Tabular;

/// <summary>Raised inside the readers when a limit is passed; turned into a <see cref="TabularError"/> before it leaves them.</summary>
internal sealed class TabularLimitException(string message) : Exception(message);

/// <summary>The uncompressed bytes all parts of one workbook may still take.</summary>
internal sealed class ByteBudget(long total)
{
    public long Total { get; } = total;

    public long Left { get; private set; } = total;

    public void Spend(long bytes) => Left -= bytes;
}

/// <summary>
/// A read-only stream over an inflating zip entry that counts what it really gives and stops at a
/// limit, whatever size the zip declares: a part that inflates to gigabytes is refused after the limit.
/// </summary>
internal sealed class LimitedStream(Stream inner, string part, long compressed, TabularLimits limits, ByteBudget budget) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        read += n;
        budget.Spend(n);
        if (read > limits.MaxPartBytes)
        {
            throw new TabularLimitException($"The part {part} of the workbook inflates to more than {TabularFile.Megabytes(limits.MaxPartBytes)}; that is more than a spreadsheet of nominations needs (a zip bomb?).");
        }

        if (read > limits.InflateRatioGraceBytes && read > compressed * limits.MaxInflateRatio)
        {
            throw new TabularLimitException($"The part {part} of the workbook inflates to more than {limits.MaxInflateRatio} times its compressed size; spreadsheets compress far less than that (a zip bomb?).");
        }

        if (budget.Left < 0)
        {
            throw new TabularLimitException($"The parts of the workbook inflate to more than the {TabularFile.Megabytes(budget.Total)} allowed together (a zip bomb?).");
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
