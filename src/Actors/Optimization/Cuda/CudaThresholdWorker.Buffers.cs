using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization.Cuda;

/// <content>The per-chunk device buffers and their host mirrors.</content>
public sealed partial class CudaThresholdWorker
{
    /// <summary>
    /// The device buffers of one chunk (thresholds in, results out) and host arrays to copy the results into; reused
    /// by every call whose chunk fits.
    /// </summary>
    private sealed class Buffers : IDisposable
    {
        private readonly double[] equity;
        private readonly int[] trades;
        private readonly double[] drawdown;

        private Buffers(int capacity, CudaDeviceBuffer buys, CudaDeviceBuffer sells, CudaDeviceBuffer equityBuffer, CudaDeviceBuffer tradesBuffer, CudaDeviceBuffer drawdownBuffer)
        {
            Capacity = capacity;
            Buys = buys;
            Sells = sells;
            Equity = equityBuffer;
            Trades = tradesBuffer;
            Drawdown = drawdownBuffer;
            equity = new double[capacity];
            trades = new int[capacity];
            drawdown = new double[capacity];
        }

        public int Capacity { get; }

        public CudaDeviceBuffer Buys { get; }

        public CudaDeviceBuffer Sells { get; }

        public CudaDeviceBuffer Equity { get; }

        public CudaDeviceBuffer Trades { get; }

        public CudaDeviceBuffer Drawdown { get; }

        /// <summary>Allocates buffers for <paramref name="capacity"/> combinations; on failure frees what was allocated.</summary>
        public static Buffers Allocate(CudaContextHandle context, int capacity)
        {
            var allocated = new List<CudaDeviceBuffer>(5);
            try
            {
                foreach (var size in (ReadOnlySpan<int>)[sizeof(double), sizeof(double), sizeof(double), sizeof(int), sizeof(double)])
                {
                    allocated.Add(CudaDeviceBuffer.Allocate(context, (long)capacity * size));
                }

                return new Buffers(capacity, allocated[0], allocated[1], allocated[2], allocated[3], allocated[4]);
            }
            catch
            {
                allocated.ForEach(buffer => buffer.Dispose());
                throw;
            }
        }

        /// <summary>Copies the first <paramref name="count"/> results back from the device into <paramref name="results"/>.</summary>
        public void Download(int count, Span<ThresholdRun> results)
        {
            Equity.Download(equity.AsSpan(0, count));
            Trades.Download(trades.AsSpan(0, count));
            Drawdown.Download(drawdown.AsSpan(0, count));
            for (var i = 0; i < count; i++)
            {
                results[i] = new ThresholdRun(equity[i], trades[i], drawdown[i]);
            }
        }

        public void Dispose()
        {
            Buys.Dispose();
            Sells.Dispose();
            Equity.Dispose();
            Trades.Dispose();
            Drawdown.Dispose();
        }
    }
}
