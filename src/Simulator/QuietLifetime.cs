using Microsoft.Extensions.Hosting;

namespace ActorArb.Simulator;

/// <summary>
/// A host lifetime that does nothing: the simulator lives inside another program (a test, <c>actorarb</c>), which owns
/// Ctrl-C and SIGTERM; the default console lifetime would stop the server behind that program's back.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
