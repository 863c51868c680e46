using System.Runtime.InteropServices;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// Evaluates grids of (buy, sell) combinations of the threshold strategy on a CUDA GPU: one GPU thread per
/// combination runs <see cref="ThresholdReference.Run"/>'s bar loop with the same double operations in the same
/// order (no fused multiply-add), so every result equals the CPU reference bit for bit. Created with
/// <see cref="TryCreate"/>, which explains why when there is no usable GPU so callers fall back to CPU workers.
/// </summary>
/// <remarks>
/// One worker owns device 0's primary context, the loaded kernel and its device buffers; calls are serialised (the
/// buffers are reused), and each call makes the context current on its own thread, so any thread may call. The last
/// series is kept on the device and uploaded again only when a call passes different closes. After a
/// <see cref="CudaException"/> raised by a running kernel the context is unusable: dispose the worker.
/// </remarks>
public sealed partial class CudaThresholdWorker : IDisposable
{
    /// <summary>The most combinations one kernel launch evaluates; bigger grids run in chunks of this size.</summary>
    internal const int DefaultChunkSize = 1 << 20;

    // 64 threads per block spreads a 10,000-combination grid over ~160 blocks, more than an H200 has SMs; the threads
    // read the same close in lockstep, so a block's loads are broadcasts whatever its size.
    private const int BlockSize = 64;

    private readonly Lock gate = new();
    private readonly CudaContextHandle context;
    private readonly CudaModuleHandle module;
    private readonly IntPtr kernel;
    private CudaDeviceBuffer? closesBuffer;
    private byte[] cachedCloses = [];
    private Buffers? buffers;
    private bool disposed;

    private CudaThresholdWorker(CudaContextHandle context, CudaModuleHandle module, IntPtr kernel, string deviceName, string description)
    {
        this.context = context;
        this.module = module;
        this.kernel = kernel;
        DeviceName = deviceName;
        Description = description;
    }

    /// <summary>Gets the device's name as the driver reports it, e.g. <c>NVIDIA H200</c>.</summary>
    public string DeviceName { get; }

    /// <summary>Gets a one-line description of the device: name, compute capability, multiprocessors, memory and driver version.</summary>
    public string Description { get; }

    /// <summary>Gets or sets the most combinations per kernel launch (tests lower it to exercise chunking).</summary>
    internal int ChunkSize { get; set; } = DefaultChunkSize;

    /// <summary>
    /// Evaluates combination i = (<paramref name="buys"/>[i], <paramref name="sells"/>[i]) over <paramref name="closes"/>
    /// into <paramref name="results"/>[i], equal to <c>ThresholdReference.Run(closes, buys[i], sells[i], costs)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The three grid spans differ in length.</exception>
    /// <exception cref="ObjectDisposedException">The worker is disposed.</exception>
    /// <exception cref="CudaException">A driver call failed (out of device memory, a kernel failure, a lost device).</exception>
    public void Evaluate(ReadOnlySpan<double> closes, ReadOnlySpan<double> buys, ReadOnlySpan<double> sells, ThresholdCosts costs, Span<ThresholdRun> results)
    {
        if (buys.Length != results.Length || sells.Length != results.Length)
        {
            throw new ArgumentException($"buys ({buys.Length}), sells ({sells.Length}) and results ({results.Length}) must have the same length", nameof(results));
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (results.IsEmpty)
            {
                return;
            }

            using var current = context.Push();
            UploadCloses(closes);
            var chunk = Math.Min(results.Length, ChunkSize);
            var grid = EnsureBuffers(chunk);
            for (var start = 0; start < results.Length; start += chunk)
            {
                var count = Math.Min(chunk, results.Length - start);
                grid.Buys.Upload(buys.Slice(start, count));
                grid.Sells.Upload(sells.Slice(start, count));
                Launch(closes.Length, count, costs, grid);
                CudaDriver.Check(CudaDriver.cuCtxSynchronize(), nameof(CudaDriver.cuCtxSynchronize));
                grid.Download(count, results.Slice(start, count));
            }
        }
    }

    /// <summary>Frees the device buffers, unloads the kernel and releases the context.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            buffers?.Dispose();
            closesBuffer?.Dispose();
            module.Dispose();
            context.Dispose();
        }
    }

    private void UploadCloses(ReadOnlySpan<double> closes)
    {
        // Compared as bits, not as doubles: -0.0 equals 0.0 as a double but not as a close the kernel divides by.
        var bits = MemoryMarshal.AsBytes(closes);
        if (closesBuffer is not null && bits.SequenceEqual(cachedCloses))
        {
            return;
        }

        closesBuffer?.Dispose();
        closesBuffer = null;
        cachedCloses = [];
        closesBuffer = CudaDeviceBuffer.Allocate(context, bits.Length);
        closesBuffer.Upload(closes);
        cachedCloses = bits.ToArray();
    }

    private Buffers EnsureBuffers(int combinations)
    {
        if (buffers is not null && buffers.Capacity >= combinations)
        {
            return buffers;
        }

        buffers?.Dispose();
        buffers = null;
        buffers = Buffers.Allocate(context, combinations);
        return buffers;
    }

    private void Launch(int bars, int count, ThresholdCosts costs, Buffers grid)
    {
        // cuLaunchKernel takes an array of pointers, one per kernel parameter, each to that parameter's value; the
        // values sit in 8-byte slots of one native block (an int parameter reads the slot's first 4 bytes).
        const int Parameters = 11;
        var block = Marshal.AllocHGlobal(2 * Parameters * sizeof(long));
        try
        {
            var values = block + (Parameters * sizeof(long));
            long[] slots =
            [
                (long)closesBuffer!.Address,
                bars,
                (long)grid.Buys.Address,
                (long)grid.Sells.Address,
                count,
                BitConverter.DoubleToInt64Bits(costs.BuyFactor),
                BitConverter.DoubleToInt64Bits(costs.BuyDivisor),
                BitConverter.DoubleToInt64Bits(costs.SellSlipFactor),
                (long)grid.Equity.Address,
                (long)grid.Trades.Address,
                (long)grid.Drawdown.Address,
            ];
            for (var i = 0; i < Parameters; i++)
            {
                Marshal.WriteInt64(values, i * sizeof(long), slots[i]);
                Marshal.WriteIntPtr(block, i * IntPtr.Size, values + (i * sizeof(long)));
            }

            var blocks = (uint)((count + BlockSize - 1) / BlockSize);
            CudaDriver.Check(
                CudaDriver.cuLaunchKernel(kernel, blocks, 1, 1, BlockSize, 1, 1, 0, IntPtr.Zero, block, IntPtr.Zero),
                nameof(CudaDriver.cuLaunchKernel));
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
