using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Domain.Optimization;
using ActorArb.Tools.GpuCheck;

// The GPU check: the threshold grid on the CPU reference (all cores) and on the GPU, side by side, with the times,
// the speed-up and a bit-for-bit comparison of every result. Published self-contained (gpu/publish-check.sh) so it
// runs on a CUDA machine without .NET.
GpuCheckOptions options;
double[] closes;
string source;
try
{
    options = GpuCheckOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(GpuCheckOptions.Usage);
        return 0;
    }

    closes = options.CsvPath is { } path ? ClosesSource.ReadCsv(path, options.Column) : ClosesSource.Synthetic(options.Bars, options.Seed);
    source = options.CsvPath is { } csv ? $"{csv} column {options.Column}" : $"synthetic OU seed {options.Seed}";
}
catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"actorarb-gpucheck: {e.Message}");
    Console.Error.WriteLine(GpuCheckOptions.Usage);
    return 2;
}

var (buys, sells) = Grid(options.Buy.Values(), options.Sell.Values());
var costs = new ThresholdCosts(options.Fee, options.Slippage);
var comboBars = (double)buys.Length * closes.Length;
Print($"actorarb-gpucheck: {closes.Length:N0} closes ({source}), {buys.Length:N0} combinations (buy {options.Buy} x sell {options.Sell}, buy < sell), fee {options.Fee}, slip {options.Slippage}");

var cpu = new ThresholdRun[buys.Length];
var clock = Stopwatch.StartNew();
Parallel.For(0, buys.Length, i => cpu[i] = ThresholdReference.Run(closes, buys[i], sells[i], costs));
var cpuSeconds = clock.Elapsed.TotalSeconds;
Print($"cpu: {cpuSeconds:F3} s (ThresholdReference, Parallel.For on {Environment.ProcessorCount} cores), {comboBars / cpuSeconds:E3} combo-bars/s");
PrintBest(cpu, buys, sells);

if (!CudaThresholdWorker.TryCreate(out var worker, out var reason))
{
    Console.WriteLine($"gpu: not available: {reason}; the optimizer falls back to its CPU workers");
    return 3;
}

using (worker)
{
    Console.WriteLine($"gpu: {reason}");
    var gpu = new ThresholdRun[buys.Length];
    clock.Restart();
    worker.Evaluate(closes, buys, sells, costs, gpu);
    var firstSeconds = clock.Elapsed.TotalSeconds;
    var bestSeconds = double.MaxValue;
    for (var run = 0; run < options.Repeats; run++)
    {
        clock.Restart();
        worker.Evaluate(closes, buys, sells, costs, gpu);
        bestSeconds = Math.Min(bestSeconds, clock.Elapsed.TotalSeconds);
    }

    Print($"gpu: {firstSeconds:F4} s first call (closes upload + run), {bestSeconds:F4} s best of {options.Repeats}; {comboBars / bestSeconds:E3} combo-bars/s; speed-up {cpuSeconds / bestSeconds:F1}x");
    return Compare(cpu, gpu, buys, sells);
}

static (double[] Buys, double[] Sells) Grid(double[] buyValues, double[] sellValues)
{
    // b-major, only b < s: the order and the combinations of grid_ref.py, so indices and ties agree.
    var buys = new List<double>();
    var sells = new List<double>();
    foreach (var buy in buyValues)
    {
        foreach (var sell in sellValues)
        {
            if (buy < sell)
            {
                buys.Add(buy);
                sells.Add(sell);
            }
        }
    }

    return ([.. buys], [.. sells]);
}

static void PrintBest(ThresholdRun[] runs, double[] buys, double[] sells)
{
    if (runs.Length == 0)
    {
        Console.WriteLine("best: no combination (the grid is empty)");
        return;
    }

    // Highest final equity; ties keep the lowest b-major index.
    var best = 0;
    for (var i = 1; i < runs.Length; i++)
    {
        if (runs[i].FinalEquity > runs[best].FinalEquity)
        {
            best = i;
        }
    }

    var run = runs[best];
    Print($"best: buy {buys[best]:R} sell {sells[best]:R}: final equity {run.FinalEquity:R}, trades {run.Trades}, max drawdown {run.MaxDrawdown:R} (combination {best})");
}

static int Compare(ThresholdRun[] cpu, ThresholdRun[] gpu, double[] buys, double[] sells)
{
    var different = 0;
    for (var i = 0; i < cpu.Length; i++)
    {
        if (Same(cpu[i], gpu[i]))
        {
            continue;
        }

        if (++different <= 10)
        {
            Print($"differs: combination {i} (buy {buys[i]:R} sell {sells[i]:R}): cpu {cpu[i]}, gpu {gpu[i]}");
        }
    }

    if (different == 0)
    {
        Print($"results: all {cpu.Length:N0} equal, bit for bit");
        return 0;
    }

    Print($"results: {different:N0} of {cpu.Length:N0} differ");
    return 1;
}

static bool Same(ThresholdRun a, ThresholdRun b) =>
    BitConverter.DoubleToInt64Bits(a.FinalEquity) == BitConverter.DoubleToInt64Bits(b.FinalEquity)
    && a.Trades == b.Trades
    && BitConverter.DoubleToInt64Bits(a.MaxDrawdown) == BitConverter.DoubleToInt64Bits(b.MaxDrawdown);

static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
