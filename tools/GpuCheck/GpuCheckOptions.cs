using System.Globalization;

namespace ActorArb.Tools.GpuCheck;

/// <summary>The check's command line; the defaults are the grid of <c>shared/data/synthetic/EXPECTED.md</c>.</summary>
internal sealed record GpuCheckOptions
{
    /// <summary>The usage text printed by <c>--help</c> and after a usage error.</summary>
    public const string Usage = """
        usage: actorarb-gpucheck [options]
          --csv PATH          closes from a CSV file (.csv or .csv.gz); default: a synthetic series
          --column NAME|N     the CSV column (header name or zero-based index), default close
          --bars N            bars of the synthetic series, default 525600
          --seed N            seed of the synthetic series, default 42
          --buy LOW:HIGH:STEP buy thresholds, default 0.9900:0.9999:0.0001
          --sell LOW:HIGH:STEP sell thresholds, default 1.0001:1.0100:0.0001 (combinations with buy < sell)
          --fee RATE          fee per fill, default 0.001
          --slip RATE         slippage per fill, default 0
          --repeats N         timed GPU runs after the first, default 3
        exit: 0 GPU equals CPU, 1 a result differs, 2 usage error, 3 no GPU (CPU reference only)
        """;

    /// <summary>Gets the CSV path, or null for the synthetic series.</summary>
    public string? CsvPath { get; init; }

    /// <summary>Gets the CSV column.</summary>
    public string Column { get; init; } = "close";

    /// <summary>Gets the synthetic series' length.</summary>
    public int Bars { get; init; } = 525_600;

    /// <summary>Gets the synthetic series' seed.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Gets the buy thresholds.</summary>
    public GridRange Buy { get; init; } = new(0.9900m, 0.9999m, 0.0001m);

    /// <summary>Gets the sell thresholds.</summary>
    public GridRange Sell { get; init; } = new(1.0001m, 1.0100m, 0.0001m);

    /// <summary>Gets the fee rate.</summary>
    public double Fee { get; init; } = 0.001;

    /// <summary>Gets the slippage rate.</summary>
    public double Slippage { get; init; }

    /// <summary>Gets the number of timed GPU runs after the first.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Gets whether the user asked for the usage text.</summary>
    public bool Help { get; init; }

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="FormatException">An option is unknown, lacks its value or has an invalid one.</exception>
    public static GpuCheckOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GpuCheckOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                options = options with { Help = true };
                continue;
            }

            var value = i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
            options = name switch
            {
                "--csv" => options with { CsvPath = value },
                "--column" => options with { Column = value },
                "--bars" => options with { Bars = Positive(name, value) },
                "--seed" => options with { Seed = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw Invalid(name, value) },
                "--buy" => options with { Buy = GridRange.Parse(value) },
                "--sell" => options with { Sell = GridRange.Parse(value) },
                "--fee" => options with { Fee = Rate(name, value) },
                "--slip" => options with { Slippage = Rate(name, value) },
                "--repeats" => options with { Repeats = Positive(name, value) },
                _ => throw new FormatException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : throw Invalid(name, value);

    private static double Rate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate >= 0 && rate < 1 ? rate : throw Invalid(name, value);

    private static FormatException Invalid(string name, string value) => new($"{name}: invalid value '{value}'");
}
