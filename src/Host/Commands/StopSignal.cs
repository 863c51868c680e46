using System.Runtime.InteropServices;

namespace ActorArb.Host.Commands;

/// <summary>A cancellation that SIGTERM or Ctrl-C triggers instead of killing the process, for long-running commands that stop cleanly.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigterm;
    private readonly ConsoleCancelEventHandler _onCancel;

    public StopSignal()
    {
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _stop.Cancel();
        });
        _onCancel = (_, e) =>
        {
            e.Cancel = true;
            _stop.Cancel();
        };
        Console.CancelKeyPress += _onCancel;
    }

    /// <summary>Gets the token cancelled by SIGTERM or Ctrl-C (or <see cref="After"/>).</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Also stops after <paramref name="delay"/>.</summary>
    public void After(TimeSpan delay) => _stop.CancelAfter(delay);

    public void Dispose()
    {
        Console.CancelKeyPress -= _onCancel;
        _sigterm.Dispose();
        _stop.Dispose();
    }
}
