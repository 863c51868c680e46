namespace ActorArb.Host.Commands;

/// <summary>The <c>actorarb</c> command line: dispatches to one command per verb.</summary>
internal static class Cli
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("usage: actorarb <backtest|bench> [options]");
        return Task.FromResult(args.Length == 0 ? 2 : 2);
    }
}
