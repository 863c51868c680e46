using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Commands;

/// <summary>The <c>actorarb</c> command line: dispatches to one command per verb.</summary>
internal static class Cli
{
    private const string Usage = """
        usage: actorarb <command> [options]

          backtest   replay history through the actor graph and write result.json and report.html
                     --config FILE (default config.hocon)  --source synthetic|csv-candles|csv-ticks|store-candles
                     --path FILE  --exchange NAME  --symbol BASE/QUOTE  --timeframe 1m
                     --from DATE  --to DATE  --out DIR  --store memory|postgres  --run-id ID  --quiet
          events     print stored events (PostgreSQL): `events tail [--from POS] [--limit N] [--follow]`,
                     `events stream ID [--from VERSION]`
          bench      measure throughput: `bench replay [--ticks FILE] [--tick-repeats N] [--candle-days N] [--repeats N]`,
                     `bench store [--connection CS]` (PostgreSQL event store vs in-memory; default ACTORARB_PG)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var line = CommandLine.Parse(args);
            if (line.Verbs.Count == 0 || line.Verbs[0] is "help" or "-h")
            {
                Console.Out.WriteLine(Usage);
                return line.Verbs.Count == 0 ? 2 : 0;
            }

            return line.Verbs[0] switch
            {
                "backtest" => await BacktestCommand.RunAsync(line).ConfigureAwait(false),
                "bench" => await BenchCommand.RunAsync(line).ConfigureAwait(false),
                "events" => await EventsCommand.RunAsync(line).ConfigureAwait(false),
                _ => throw new UsageException($"unknown command '{line.Verbs[0]}'"),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"actorarb: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"actorarb: {e.Message}");
            return 3;
        }
        catch (Exception e) when (e is DataFormatException or ReplayFailedException)
        {
            Console.Error.WriteLine($"actorarb: {e.Message}");
            return 4;
        }
    }
}
