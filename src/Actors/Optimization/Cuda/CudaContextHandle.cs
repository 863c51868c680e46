using System.Runtime.InteropServices;

namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// A retained reference to a device's primary context (the one the CUDA runtime shares, so this worker and any
/// other CUDA user in the process do not each hold a context's memory). Driver calls need a current context on the
/// calling thread; <see cref="Push"/> makes this one current for a scope, since callers arrive on pool threads.
/// </summary>
internal sealed class CudaContextHandle : SafeHandle
{
    private CudaContextHandle(IntPtr context, int device)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        Device = device;
        SetHandle(context);
    }

    /// <summary>Gets the device ordinal the context belongs to.</summary>
    public int Device { get; }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Retains the primary context of <paramref name="device"/>.</summary>
    /// <exception cref="CudaException">The driver refused.</exception>
    public static CudaContextHandle Retain(int device)
    {
        CudaDriver.Check(CudaDriver.cuDevicePrimaryCtxRetain(out var raw, device), nameof(CudaDriver.cuDevicePrimaryCtxRetain));
        return new CudaContextHandle(raw, device);
    }

    /// <summary>Makes the context current on this thread until the returned scope is disposed.</summary>
    /// <exception cref="CudaException">The driver refused.</exception>
    public Scope Push()
    {
        CudaDriver.Check(CudaDriver.cuCtxPushCurrent_v2(handle), nameof(CudaDriver.cuCtxPushCurrent_v2));
        return default;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle() => CudaDriver.cuDevicePrimaryCtxRelease_v2(Device) == CudaDriver.Success;

    /// <summary>Pops the context pushed by <see cref="Push"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => CudaDriver.cuCtxPopCurrent_v2(out _);
    }
}
