using System.Runtime.InteropServices;

namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// A driver object that lives in a context (a module, a device allocation): it keeps the context alive until it is
/// released itself, and releases with the context current, so disposal and finalisation work in any order and on any
/// thread.
/// </summary>
internal abstract class CudaContextBoundHandle : SafeHandle
{
    private readonly CudaContextHandle context;
    private bool contextReferenced;

    /// <summary>Creates an empty handle for an object of <paramref name="context"/>; <see cref="Bind"/> gives it the object.</summary>
    protected CudaContextBoundHandle(CudaContextHandle context)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        this.context = context;
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Takes ownership of the driver object <paramref name="raw"/>, keeping the context alive until it is released.</summary>
    protected void Bind(IntPtr raw)
    {
        context.DangerousAddRef(ref contextReferenced);
        SetHandle(raw);
    }

    /// <inheritdoc />
    protected sealed override bool ReleaseHandle()
    {
        var released = CudaDriver.cuCtxPushCurrent_v2(context.DangerousGetHandle()) == CudaDriver.Success;
        if (released)
        {
            released = Release(handle) == CudaDriver.Success;
            CudaDriver.cuCtxPopCurrent_v2(out _);
        }

        if (contextReferenced)
        {
            context.DangerousRelease();
        }

        return released;
    }

    /// <summary>Releases the driver object <paramref name="raw"/> (the context is current) and returns the driver's result.</summary>
    protected abstract int Release(IntPtr raw);
}
