using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Commands;

/// <summary>
/// The parsed words of one command: the verb path (e.g. <c>bench replay</c>) and its <c>--name value</c>
/// options. Unknown or repeated options are errors that name the option, so a typo never runs silently.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandLine(IReadOnlyList<string> verbs) => Verbs = verbs;

    public IReadOnlyList<string> Verbs { get; }

    /// <summary>Parses <paramref name="args"/>; flags without a value (e.g. <c>--quiet</c>) read as "true".</summary>
    /// <exception cref="UsageException">An option is given twice or has no name.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var verbs = new List<string>();
        var i = 0;
        for (; i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            verbs.Add(args[i]);
        }

        var line = new CommandLine(verbs);
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument '{arg}' (options look like --name value)");
            }

            var name = arg[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }

            if (!line._options.TryAdd(name, value))
            {
                throw new UsageException($"option --{name} is given twice");
            }
        }

        return line;
    }

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public bool Flag(string name) => Get(name) is { } v && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase);

    public long? GetLong(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v
            : throw new UsageException($"--{name}: expected a non-negative whole number, got \"{text}\"");
    }

    /// <summary>Reads a UTC date (or date and time) as Unix milliseconds, or null when the option is absent.</summary>
    /// <exception cref="UsageException">The value is not an ISO-8601 UTC date.</exception>
    public long? GetDate(string name) =>
        Get(name) is not { } text ? null
        : UnixTime.TryParseIso(text, out var ms) ? ms
        : throw new UsageException($"--{name}: expected a UTC date such as 2023-03-01, got \"{text}\"");

    /// <summary>Reads a timeframe such as <c>1m</c> or <c>4h</c>, or null when the option is absent.</summary>
    /// <exception cref="UsageException">The value is not a timeframe.</exception>
    public Timeframe? GetTimeframe(string name) =>
        Get(name) is not { } text ? null
        : Timeframe.TryParse(text, out var timeframe) ? timeframe
        : throw new UsageException($"--{name}: expected e.g. 1m or 1h, got \"{text}\"");

    /// <summary>
    /// Reads a positive duration such as <c>30s</c>, or null when the option is absent; <paramref name="example"/> is
    /// the sample the error message offers, chosen to fit the option.
    /// </summary>
    /// <exception cref="UsageException">The value is not a duration above zero.</exception>
    public TimeSpan? GetDuration(string name, string example) =>
        Get(name) is not { } text ? null
        : HoconUnits.TryParseDuration(text, out var duration) && duration > TimeSpan.Zero ? duration
        : throw new UsageException($"--{name}: expected a duration such as {example}, got \"{text}\"");

    /// <summary>Throws when an option was given that the command never asked for.</summary>
    public void EnsureAllRead(string command)
    {
        foreach (var name in _options.Keys)
        {
            if (!_read.Contains(name))
            {
                throw new UsageException($"{command}: unknown option --{name}");
            }
        }
    }
}
