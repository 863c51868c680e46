namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// One pass over a CSV data file: checks the header, hands out data rows, and applies the bad-row policy, writing
/// problems to the source's <see cref="DataQualityReport"/>. The CSV dialect is the one our normalised files use:
/// comma-separated, no quoting, first line a header.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    /// <summary>How much text must have been read before the running average replaces the opening sample.</summary>
    private const long RunningSampleChars = 1 << 18;

    private readonly CsvLineReader lines;
    private readonly DataQualityReport quality;
    private readonly BadRowPolicy policy;
    private readonly long initialEstimate;
    private long rowsRead;

    private CsvFile(string path, CsvLineReader lines, DataQualityReport quality, BadRowPolicy policy, int columnCount)
    {
        Path = path;
        this.lines = lines;
        this.quality = quality;
        this.policy = policy;
        ColumnCount = columnCount;
        initialEstimate = SampleDataRows(lines);
    }

    /// <summary>Gets the path as the source was given it; problems name the file by it.</summary>
    public string Path { get; }

    /// <summary>Gets the number of columns in the header, which every row must have.</summary>
    public int ColumnCount { get; }

    /// <summary>Gets the 1-based line number of the row last returned.</summary>
    public int LineNumber => lines.LineNumber;

    /// <summary>Gets whether a bad row stopped the read under <see cref="BadRowPolicy.Stop"/>.</summary>
    public bool Stopped { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and checks its header: equal to <paramref name="expectedHeader"/>, or when
    /// <paramref name="allowExtraColumns"/> starting with it and followed only by more columns.
    /// </summary>
    /// <exception cref="DataFormatException">The header is missing or different (always, whatever the policy).</exception>
    public static CsvFile Open(string path, string expectedHeader, bool allowExtraColumns, DataQualityReport quality, BadRowPolicy policy)
    {
        var lines = CsvLineReader.Open(path);
        try
        {
            if (!lines.TryReadLine(out var header))
            {
                throw new DataFormatException(path, 1, $"missing header; expected \"{expectedHeader}\"", string.Empty);
            }

            var matches = header.StartsWith(expectedHeader, StringComparison.Ordinal)
                && (header.Length == expectedHeader.Length || (allowExtraColumns && header[expectedHeader.Length] == ','));
            if (!matches)
            {
                var expected = allowExtraColumns ? $"\"{expectedHeader}\" (optionally followed by more columns)" : $"\"{expectedHeader}\"";
                throw new DataFormatException(path, 1, $"unexpected header; expected {expected}", DataFormatException.Quote(header));
            }

            return new CsvFile(path, lines, quality, policy, header.Count(',') + 1);
        }
        catch
        {
            lines.Dispose();
            throw;
        }
    }

    /// <summary>Returns the next data row and counts it as read; false at the end of the file.</summary>
    public bool TryReadRow(out ReadOnlySpan<char> row)
    {
        if (!lines.TryReadLine(out row))
        {
            return false;
        }

        quality.RowsRead++;
        rowsRead++;
        return true;
    }

    /// <summary>
    /// Refuses the current row: under <see cref="BadRowPolicy.Skip"/> counts and samples it; under
    /// <see cref="BadRowPolicy.Stop"/> throws. Returns false so parsers can <c>return Reject(...)</c>.
    /// </summary>
    /// <exception cref="DataFormatException">The policy is <see cref="BadRowPolicy.Stop"/>.</exception>
    public bool Reject(string problem, ReadOnlySpan<char> row, string? detail = null)
    {
        if (policy == BadRowPolicy.Stop)
        {
            Stopped = true;
            throw new DataFormatException(Path, LineNumber, Reason(problem, detail), DataFormatException.Quote(row));
        }

        quality.RowsSkipped++;
        Record(problem, row, detail);
        return false;
    }

    /// <summary>Counts and samples a warning about the current row, which is kept.</summary>
    public void Warn(string problem, ReadOnlySpan<char> row, string? detail = null) => Record(problem, row, detail);

    /// <summary>
    /// Returns an estimate of the number of data rows in the file: the text length divided by the average line
    /// length, taken from the lines read so far once they cover <see cref="RunningSampleChars"/>, and before that from
    /// the lines buffered at opening (exact when the whole file fits in the buffer). Never less than the rows read.
    /// </summary>
    public long EstimateDataRows()
    {
        if (lines.CharsConsumed < RunningSampleChars)
        {
            return Math.Max(initialEstimate, rowsRead);
        }

        // Our files are ASCII, so chars and bytes agree; the header is counted as a data row, a one-row error.
        return Math.Max(rowsRead, (long)(lines.TextLength * ((double)rowsRead / lines.CharsConsumed)));
    }

    private static string Reason(string problem, string? detail) => detail is null ? problem : $"{problem} ({detail})";

    /// <summary>Counts the problem; the sample text is built only while the report still keeps samples, since a bad file can have millions of problem rows.</summary>
    private void Record(string problem, ReadOnlySpan<char> row, string? detail)
    {
        quality.CountProblem(problem);
        if (quality.WantsSample)
        {
            quality.AddSample(DataFormatException.Format(Path, LineNumber, Reason(problem, detail), row));
        }
    }

    private static long SampleDataRows(CsvLineReader lines)
    {
        if (lines.SampleBufferedLines() is not { } sample)
        {
            return 0;
        }

        if (sample.ExactRemaining is { } exact)
        {
            return exact;
        }

        return Math.Max(0, (long)(lines.TextLength / sample.AverageLength) - 1);
    }

    /// <inheritdoc />
    public void Dispose() => lines.Dispose();
}
