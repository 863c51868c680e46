using ActorArb.Actors.Optimization.Cuda;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>One GPU worker shared by a spec class (loading the kernel JITs the PTX), or the reason there is none.</summary>
public sealed class CudaWorkerFixture : IDisposable
{
    private readonly CudaThresholdWorker? worker;

    /// <summary>Tries to create the worker.</summary>
    public CudaWorkerFixture()
    {
        CudaThresholdWorker.TryCreate(out worker, out var reason);
        Reason = reason;
    }

    /// <summary>Gets the device description, or why there is no GPU worker.</summary>
    public string Reason { get; }

    /// <summary>Gets whether a GPU worker exists.</summary>
    public bool HasDevice => worker is not null;

    /// <summary>Returns the worker, or skips the calling spec when there is no GPU.</summary>
    internal CudaThresholdWorker Require()
    {
        Skip.If(worker is null, $"no GPU: {Reason}");
        return worker;
    }

    /// <inheritdoc />
    public void Dispose() => worker?.Dispose();
}
