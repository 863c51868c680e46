using System.Diagnostics;
using System.Globalization;

namespace ActorArb.Host.Reports;

/// <summary>
/// A console progress bar with rate and ETA on standard error. On a terminal it redraws one line at most ten
/// times a second; when output is redirected it writes a plain line every 10% so logs stay readable.
/// </summary>
internal sealed class ProgressBar(string label, bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private long _lastDrawMs = -1_000;
    private int _lastDecile = -1;

    public void Report(long done, long? total, string unit)
    {
        if (!enabled)
        {
            return;
        }

        var elapsed = _clock.ElapsedMilliseconds;
        var fraction = total is > 0 ? Math.Min(1.0, (double)done / total.Value) : (double?)null;
        if (_interactive)
        {
            if (elapsed - _lastDrawMs < 100)
            {
                return;
            }

            _lastDrawMs = elapsed;
            Console.Error.Write($"\r{Line(done, fraction, elapsed, unit)}   ");
            return;
        }

        var decile = fraction is { } f ? (int)(f * 10) : (int)(elapsed / 5_000);
        if (decile > _lastDecile)
        {
            _lastDecile = decile;
            Console.Error.WriteLine(Line(done, fraction, elapsed, unit));
        }
    }

    public void Done(long done, string unit)
    {
        // Redirected output already has its 100% line unless the last report fell short of it.
        if (!enabled || (!_interactive && _lastDecile >= 10))
        {
            return;
        }

        var line = Line(done, 1.0, _clock.ElapsedMilliseconds, unit);
        Console.Error.WriteLine(_interactive ? $"\r{line}   " : line);
    }

    private string Line(long done, double? fraction, long elapsedMs, string unit)
    {
        var rate = elapsedMs > 0 ? done * 1000.0 / elapsedMs : 0;
        var rateText = rate.ToString("N0", CultureInfo.InvariantCulture);
        if (fraction is not { } f)
        {
            return $"{label} {done.ToString("N0", CultureInfo.InvariantCulture)} {unit} ({rateText}/s)";
        }

        const int width = 30;
        var filled = (int)Math.Round(f * width);
        var eta = f > 0 ? TimeSpan.FromMilliseconds(elapsedMs * (1 - f) / f) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('.', width - filled)}] {f * 100,5:0.0}% {done:N0} {unit} ({rateText}/s, ETA {eta:mm\\:ss})");
    }
}
