namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// A block of device memory of a fixed size, with typed copies to and from host spans (synchronous, on the default
/// stream, so a copy back waits for the kernels launched before it).
/// </summary>
internal sealed class CudaDeviceBuffer : CudaContextBoundHandle
{
    private CudaDeviceBuffer(CudaContextHandle context, long bytes)
        : base(context)
    {
        Bytes = bytes;
    }

    /// <summary>Gets the size of the block in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Gets the device address, for kernel arguments.</summary>
    public ulong Address => (ulong)handle;

    /// <summary>Allocates <paramref name="bytes"/> (at least 8, since the driver refuses 0) in <paramref name="context"/>, which must be current.</summary>
    /// <exception cref="CudaException">The device is out of memory or the driver refused.</exception>
    public static CudaDeviceBuffer Allocate(CudaContextHandle context, long bytes)
    {
        var size = Math.Max(bytes, sizeof(double));
        CudaDriver.Check(CudaDriver.cuMemAlloc_v2(out var address, (nuint)size), nameof(CudaDriver.cuMemAlloc_v2));
        var buffer = new CudaDeviceBuffer(context, size);
        buffer.Bind((IntPtr)address);
        return buffer;
    }

    /// <summary>Copies <paramref name="source"/> to the start of the block.</summary>
    public void Upload(ReadOnlySpan<double> source)
    {
        if (source.IsEmpty)
        {
            return;
        }

        var bytes = CheckedBytes(source.Length, sizeof(double));
        CudaDriver.Check(CudaDriver.cuMemcpyHtoD_v2(Address, in source[0], bytes), nameof(CudaDriver.cuMemcpyHtoD_v2));
    }

    /// <summary>Copies the start of the block into <paramref name="destination"/>.</summary>
    public void Download(Span<double> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var bytes = CheckedBytes(destination.Length, sizeof(double));
        CudaDriver.Check(CudaDriver.cuMemcpyDtoH_v2(ref destination[0], Address, bytes), nameof(CudaDriver.cuMemcpyDtoH_v2));
    }

    /// <summary>Copies the start of the block into <paramref name="destination"/>.</summary>
    public void Download(Span<int> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var bytes = CheckedBytes(destination.Length, sizeof(int));
        CudaDriver.Check(CudaDriver.cuMemcpyDtoH_v2(ref destination[0], Address, bytes), nameof(CudaDriver.cuMemcpyDtoH_v2));
    }

    /// <inheritdoc />
    protected override int Release(IntPtr raw) => CudaDriver.cuMemFree_v2((ulong)raw);

    private nuint CheckedBytes(int count, int size)
    {
        var bytes = (long)count * size;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, Bytes, nameof(count));
        return (nuint)bytes;
    }
}
