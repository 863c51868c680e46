using System.Globalization;
using ActorArb.Host.Commands;
using ActorArb.Host.Configuration;
using ActorArb.Simulator;

namespace ActorArb.Host.Bench;

/// <summary>What one <c>bench live</c> run does, read from its command line.</summary>
/// <param name="Flavours">The exchange protocols to run, one after another.</param>
/// <param name="Ticks">The ticks of each throughput and latency pass.</param>
/// <param name="Rate">The publishing rate in ticks/s (0: as fast as possible); null runs a full-speed pass and then a pass at <see cref="LiveBenchOptions.DefaultPacedRate"/>.</param>
/// <param name="Store"><c>memory</c> or <c>postgres</c>.</param>
/// <param name="Connection">The PostgreSQL connection string when <paramref name="Store"/> is <c>postgres</c>.</param>
/// <param name="Soak">How long a soak publishes, or null for the throughput and latency passes.</param>
/// <param name="DropEvery">How often a soak drops the connection, or null for never.</param>
/// <param name="WarmUp">How long the path runs at full speed, unreported, before the measured passes.</param>
internal sealed record LiveBenchOptions(
    IReadOnlyList<string> Flavours,
    int Ticks,
    double? Rate,
    string Store,
    string? Connection,
    TimeSpan? Soak,
    TimeSpan? DropEvery,
    TimeSpan WarmUp)
{
    /// <summary>The rate of the paced latency pass of a default run: well below what the path sustains, so latency is not queueing.</summary>
    public const double DefaultPacedRate = 50_000;

    /// <summary>The rate of a soak when none is given.</summary>
    public const double DefaultSoakRate = 2_000;

    /// <summary>Returns the soak's rate: the one given, or the default.</summary>
    public double SoakRate => Rate is { } rate && rate > 0 ? rate : DefaultSoakRate;

    /// <summary>Reads the options of <c>bench live</c>.</summary>
    /// <exception cref="UsageException">An option is unknown, malformed, or does not fit the others.</exception>
    public static LiveBenchOptions Parse(CommandLine line)
    {
        var flavours = Flavour(line.Get("flavour") ?? SimulatorFlavours.KrakenV2);
        var ticksGiven = line.GetLong("ticks");
        var rate = line.Get("rate") is { } r ? NonNegative(r, "rate") : (double?)null;
        var store = line.Get("store") ?? "memory";
        var connection = line.Get("connection") ?? Environment.GetEnvironmentVariable("ACTORARB_PG");
        var soak = line.GetDuration("duration", "5m or 30s");
        var dropText = line.Get("drop-every");
        var warmUpText = line.Get("warm-up");
        line.EnsureAllRead("bench live");

        if (store is not ("memory" or "postgres"))
        {
            throw new UsageException($"bench live: --store is memory or postgres, not \"{store}\"");
        }

        if (store == "postgres" && string.IsNullOrWhiteSpace(connection))
        {
            throw new UsageException("bench live --store postgres: set ACTORARB_PG (or --connection) to a PostgreSQL connection string; the run uses its own scratch schema");
        }

        if (soak is null && dropText is not null)
        {
            throw new UsageException("bench live: --drop-every belongs to a soak (--duration)");
        }

        if (soak is not null && warmUpText is not null)
        {
            throw new UsageException("bench live: --warm-up belongs to the throughput and latency passes, not to a soak");
        }

        if (soak is not null && ticksGiven is not null)
        {
            throw new UsageException("bench live: a soak publishes --rate × --duration ticks; leave out --ticks");
        }

        if (soak is not null && rate == 0)
        {
            throw new UsageException("bench live: a soak publishes at a steady --rate above 0");
        }

        var ticks = ticksGiven ?? 200_000;
        if (ticks is < 1_000 or > int.MaxValue)
        {
            throw new UsageException($"--ticks: expected at least 1000, got {ticks}");
        }

        var warmUp = TimeSpan.FromSeconds(8);
        if (warmUpText is not null && !(HoconUnits.TryParseDuration(warmUpText, out warmUp) && warmUp >= TimeSpan.Zero))
        {
            throw new UsageException($"--warm-up: expected a duration such as 8s (0 for none), got \"{warmUpText}\"");
        }

        return new LiveBenchOptions(flavours, (int)ticks, rate, store, connection, soak, soak is null ? null : ReadDropEvery(dropText), warmUp);
    }

    /// <summary>Reads a soak's drop period: every 2 s unless told otherwise, never for 0.</summary>
    private static TimeSpan? ReadDropEvery(string? text)
    {
        if (text is null)
        {
            return TimeSpan.FromSeconds(2);
        }

        if (!HoconUnits.TryParseDuration(text, out var every) || every < TimeSpan.Zero)
        {
            throw new UsageException($"--drop-every: expected a duration such as 2s (0 for none), got \"{text}\"");
        }

        return every > TimeSpan.Zero ? every : null;
    }

    /// <summary>Reads <c>all</c>, one flavour, or a comma-separated list of them.</summary>
    private static IReadOnlyList<string> Flavour(string text)
    {
        if (text == "all")
        {
            return SimulatorFlavours.All;
        }

        var flavours = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var flavour in flavours)
        {
            if (!SimulatorFlavours.All.Contains(flavour))
            {
                throw new UsageException($"bench live: unknown --flavour \"{flavour}\"; known: {string.Join(", ", SimulatorFlavours.All)} or all");
            }
        }

        return flavours.Length > 0 ? flavours : throw new UsageException("bench live: --flavour names no flavour");
    }

    private static double NonNegative(string text, string option) =>
        double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)
            ? v
            : throw new UsageException($"--{option}: expected ticks per second (0 for as fast as possible), got \"{text}\"");
}
