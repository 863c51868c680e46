using System.Globalization;
using System.Text;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// What a source found while reading: row counts, a count per problem kind (<see cref="DataProblems"/>) and the first
/// <see cref="MaxSamples"/> problem lines as <c>file:line: reason: raw text</c>. It is live: the counts grow as the
/// source is read. Every row read is exactly one of accepted, skipped or out of range, so
/// <c>RowsRead = RowsAccepted + RowsSkipped + RowsOutOfRange</c>; warnings are counted in
/// <see cref="ProblemCounts"/> but their rows are accepted.
/// </summary>
public sealed class DataQualityReport
{
    /// <summary>The number of problem lines kept as samples.</summary>
    public const int MaxSamples = 20;

    private readonly Dictionary<string, long> problemCounts = new(StringComparer.Ordinal);
    private readonly List<string> samples = [];

    /// <summary>Gets the number of data rows read (the header not included; every pass of a repeated file counted).</summary>
    public long RowsRead { get; internal set; }

    /// <summary>Gets the number of rows delivered to the reader.</summary>
    public long RowsAccepted { get; internal set; }

    /// <summary>Gets the number of rows left out because they failed validation.</summary>
    public long RowsSkipped { get; internal set; }

    /// <summary>Gets the number of valid rows left out because they fall outside the requested time window.</summary>
    public long RowsOutOfRange { get; internal set; }

    /// <summary>Gets the number of rows per problem kind, warnings included.</summary>
    public IReadOnlyDictionary<string, long> ProblemCounts => problemCounts;

    /// <summary>Gets the first <see cref="MaxSamples"/> problem lines, in file order.</summary>
    public IReadOnlyList<string> Samples => samples;

    /// <summary>Returns the count for one problem kind, zero when it never occurred.</summary>
    public long CountOf(string problem) => problemCounts.GetValueOrDefault(problem);

    /// <summary>Returns a one-line summary such as <c>read 10, accepted 9, skipped 1, out of range 0; high below low: 1</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"read {RowsRead}, accepted {RowsAccepted}, skipped {RowsSkipped}, out of range {RowsOutOfRange}");
        var separator = "; ";
        foreach (var (problem, count) in problemCounts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{separator}{problem}: {count}");
            separator = ", ";
        }

        return text.ToString();
    }

    /// <summary>Gets whether a sample would still be kept, so that callers build sample text only while there is room.</summary>
    internal bool WantsSample => samples.Count < MaxSamples;

    /// <summary>Counts one occurrence of <paramref name="problem"/>.</summary>
    internal void CountProblem(string problem) =>
        problemCounts[problem] = problemCounts.GetValueOrDefault(problem) + 1;

    /// <summary>Keeps <paramref name="sample"/> while there is room; build it only when <see cref="WantsSample"/>.</summary>
    internal void AddSample(string sample)
    {
        if (WantsSample)
        {
            samples.Add(sample);
        }
    }
}
