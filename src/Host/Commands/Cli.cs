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
                     on postgres the run checkpoints every --checkpoint-every N source batches (default 8);
                     --resume continues a run of the same --run-id that was killed, from its last checkpoint
          optimize   search the optimize section's grid and write grid.csv and report.html: --mode exact (the
                     threshold grid, exact at tick resolution) | general (the backtest's strategy over
                     optimize.general.parameters)  --config FILE  --path FILE (and the backtest's source options)
                     --timeframes 1m,1h,4h,1d  --objective final-equity|net-profit|calmar|sharpe|sortino|profit-factor
                     --fee 0.001  --slippage 0  --gpu auto|on|off  --cpu-workers N  --no-walk-forward  --out DIR
                     --store memory|postgres  --force (recompute a request the store already answers)  --quiet
          validate   data-quality report of candle files (FILE... or --path F1,F2; else the --config backtest source):
                     --exchange --symbol --timeframe (else from candles/<exchange>/<PAIR>-<tf>-… names) --from --to
                     --stale-bars 30 --stale-rule either|both|zero-volume|identical-ohlc --outlier-window 60
                     --outlier-threshold 8 --outlier-min-deviation 0.001 --outliers both|returns|closes --divergence 0.01
                     --longest-gaps 20 --max-findings 1000 --out DIR (default out/validate) --quiet; exit 4 when a series fails
          backfill   fill the PostgreSQL store with a venue's bars from its REST history, fetching only missing ones
                     (resumable; re-runs write nothing twice): --exchange coinbase|kraken|binance --symbol USDC/USD
                     --timeframe 1m --from DATE [--to DATE (default now)] [--config FILE] [--rest-url URL (default
                     feeds.<exchange>.rest-url)] [--store postgres] [--quiet]; exit 5 when the exchange refuses or stays down
          run        the live (paper) service: the enabled feeds.<venue> stream trades into the backtest section's
                     chain per instrument, every event persisted; SIGTERM/Ctrl-C checkpoints and flushes, a restart with
                     the same --run-id resumes: --config FILE  --store memory|postgres  --run-id ID  --duration 10m
                     --checkpoint-every 5m  --stale-after 30s (a silent feed halts new exposure)  --quiet
          simulate   serve a tick file as a local exchange (every flavour's WebSocket and the REST history on one
                     loopback port) until Ctrl-C: --exchange kraken --symbol USDC/USD --ticks FILE [--rate TICKS/S]
                     [--port N] [--drop-every 5s] [--duplicates 0.01] [--corrupt 0.01] [--rest-429 0.1]
          events     print stored events (PostgreSQL): `events tail [--from POS] [--limit N] [--follow]`,
                     `events stream ID [--from VERSION]`
          bench      measure throughput: `bench replay [--ticks FILE] [--tick-repeats N] [--candle-days N] [--repeats N]`,
                     `bench store [--connection CS]` (PostgreSQL event store vs in-memory; default ACTORARB_PG),
                     `bench optimize [--csv FILE] [--repeats N]` (the threshold grid vs shared/bench/grid_ref.py numba-par),
                     `bench live [--flavour F|a,b|all] [--ticks N] [--rate N] [--warm-up 8s] [--store memory|postgres]`
                     (simulator → feed → candles → journal: ticks/s, tick → stored candle latency p50/p99), or a soak:
                     `bench live --duration 5m [--drop-every 2s] [--rate N]` (every trade once in the candles, or exit 1)
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
                "backfill" => await BackfillCommand.RunAsync(line).ConfigureAwait(false),
                "backtest" => await BacktestCommand.RunAsync(line).ConfigureAwait(false),
                "bench" => await BenchCommand.RunAsync(line).ConfigureAwait(false),
                "events" => await EventsCommand.RunAsync(line).ConfigureAwait(false),
                "optimize" => await OptimizeCommand.RunAsync(line).ConfigureAwait(false),
                "run" => await RunCommand.RunAsync(line).ConfigureAwait(false),
                "simulate" => await SimulateCommand.RunAsync(line).ConfigureAwait(false),
                "validate" => await ValidateCommand.RunAsync(line).ConfigureAwait(false),
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
