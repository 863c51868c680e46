using ActorArb.Host.Commands;

namespace ActorArb.Host.Tests.Commands;

/// <summary>Runs <c>actorarb</c> through the real CLI with the console captured; specs using it join the console collection.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (savedOut, savedError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await Cli.RunAsync(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}
