using System.Globalization;
using System.Text;

namespace ActorArb.Host.Reports;

/// <summary>
/// Draws time series as inline SVG without any library: polylines thinned to a few thousand points
/// (keeping each bucket's minimum and maximum so spikes such as a de-peg stay visible), shaded bands,
/// markers and axis labels.
/// </summary>
internal sealed class SvgChart(int width, int height, long fromMs, long toMs, double min, double max)
{
    private const int Left = 70;
    private const int Right = 10;
    private const int Top = 10;
    private const int Bottom = 24;
    private readonly StringBuilder _body = new();

    public static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        if (double.IsInfinity(lo))
        {
            return (0, 1);
        }

        var pad = hi > lo ? (hi - lo) * 0.05 : Math.Max(Math.Abs(hi) * 0.01, 1e-9);
        return (lo - pad, hi + pad);
    }

    public double X(long timeMs) => toMs > fromMs ? Left + (double)(timeMs - fromMs) / (toMs - fromMs) * (width - Left - Right) : Left;

    public double Y(double value) => Top + (max - value) / (max - min) * (height - Top - Bottom);

    public void Band(long from, long to, string color, string title)
    {
        var x0 = X(from);
        _body.Append(Invariant($"<rect x=\"{x0:0.#}\" y=\"{Top}\" width=\"{Math.Max(1, X(to) - x0):0.#}\" height=\"{height - Top - Bottom}\" fill=\"{color}\"><title>{Escape(title)}</title></rect>"));
    }

    public void Line(IReadOnlyList<(long TimeMs, double Value)> points, string color, string title, int maxPoints = 3000)
    {
        var thinned = Thin(points, maxPoints);
        var sb = new StringBuilder();
        foreach (var (t, v) in thinned)
        {
            sb.Append(Invariant($"{X(t):0.#},{Y(v):0.#} "));
        }

        _body.Append(Invariant($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.2\" points=\"{sb.ToString().TrimEnd()}\"><title>{Escape(title)}</title></polyline>"));
    }

    public void Marker(long timeMs, double value, bool up, string color, string title)
    {
        var x = X(timeMs);
        var y = Y(value);
        var points = up
            ? Invariant($"{x:0.#},{y - 2:0.#} {x - 5:0.#},{y + 7:0.#} {x + 5:0.#},{y + 7:0.#}")
            : Invariant($"{x:0.#},{y + 2:0.#} {x - 5:0.#},{y - 7:0.#} {x + 5:0.#},{y - 7:0.#}");
        _body.Append(Invariant($"<polygon points=\"{points}\" fill=\"{color}\"><title>{Escape(title)}</title></polygon>"));
    }

    public string Render(string format)
    {
        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" font-family=\"sans-serif\" font-size=\"11\">"));
        sb.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{width - Left - Right}\" height=\"{height - Top - Bottom}\" fill=\"#fafafa\" stroke=\"#ccc\"/>"));
        for (var i = 0; i <= 4; i++)
        {
            var v = min + (max - min) * i / 4;
            var y = Y(v);
            sb.Append(Invariant($"<line x1=\"{Left}\" x2=\"{width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#eee\"/>"));
            sb.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{v.ToString(format, CultureInfo.InvariantCulture)}</text>"));
        }

        for (var i = 0; i <= 4; i++)
        {
            var t = fromMs + (toMs - fromMs) * i / 4;
            var label = DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            sb.Append(Invariant($"<text x=\"{X(t):0.#}\" y=\"{height - 6}\" text-anchor=\"{anchor}\">{label}</text>"));
        }

        sb.Append(_body);
        sb.Append("</svg>");
        return sb.ToString();
    }

    internal static List<(long TimeMs, double Value)> Thin(IReadOnlyList<(long TimeMs, double Value)> points, int maxPoints)
    {
        if (points.Count <= maxPoints)
        {
            return [.. points];
        }

        var buckets = maxPoints / 2;
        var result = new List<(long, double)>(buckets * 2);
        for (var b = 0; b < buckets; b++)
        {
            var from = (int)((long)b * points.Count / buckets);
            var to = (int)((long)(b + 1) * points.Count / buckets);
            var lo = from;
            var hi = from;
            for (var i = from; i < to; i++)
            {
                if (points[i].Value < points[lo].Value)
                {
                    lo = i;
                }

                if (points[i].Value > points[hi].Value)
                {
                    hi = i;
                }
            }

            result.Add(points[Math.Min(lo, hi)]);
            if (lo != hi)
            {
                result.Add(points[Math.Max(lo, hi)]);
            }
        }

        return result;
    }

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
