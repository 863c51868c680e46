using System.Globalization;
using System.Text;

namespace ActorArb.Host.Reports;

/// <summary>An inline SVG heat-map of an objective over two dimensions, with the best cell boxed in red.</summary>
internal static class SvgHeatMap
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// Renders <paramref name="cells"/> (row, column, objective or null when the combination fails the constraints) on a
    /// grid of <paramref name="rows"/> × <paramref name="columns"/> labels.
    /// </summary>
    public static string Render(
        string rowName,
        IReadOnlyList<string> rows,
        string columnName,
        IReadOnlyList<string> columns,
        IEnumerable<(int Row, int Column, double? Objective)> cells,
        (int Row, int Column, string Title) best)
    {
        var list = cells.ToList();
        var values = list.Where(c => c.Objective is { } v && double.IsFinite(v)).Select(c => c.Objective!.Value).ToList();
        var min = values.Count > 0 ? values.Min() : 0;
        var max = values.Count > 0 ? values.Max() : 1;
        var cell = Math.Clamp(600 / Math.Max(1, Math.Max(rows.Count, columns.Count)), 6, 40);
        const int Left = 90;
        const int Top = 10;
        var width = Left + (columns.Count * cell) + 20;
        var height = Top + (rows.Count * cell) + 40;
        var svg = new StringBuilder();
        svg.Append(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{Math.Min(width * 3 / 2, 900)}\" font-family=\"sans-serif\" font-size=\"9\">");
        foreach (var (row, column, objective) in list)
        {
            var fill = objective is { } v && double.IsFinite(v) ? Color(max > min ? (v - min) / (max - min) : 1) : "#ddd";
            svg.Append(C, $"<rect x=\"{Left + (column * cell)}\" y=\"{Top + (row * cell)}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\"/>");
        }

        svg.Append(C, $"<rect x=\"{Left + (best.Column * cell)}\" y=\"{Top + (best.Row * cell)}\" width=\"{cell}\" height=\"{cell}\" fill=\"none\" stroke=\"#e00\" stroke-width=\"1.5\"><title>{SvgChart.Escape(best.Title)}</title></rect>");
        svg.Append(C, $"<text x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">{SvgChart.Escape(rowName)} {SvgChart.Escape(rows[0])}</text><text x=\"{Left - 4}\" y=\"{Top + (rows.Count * cell)}\" text-anchor=\"end\">{SvgChart.Escape(rows[^1])}</text>");
        svg.Append(C, $"<text x=\"{Left}\" y=\"{height - 18}\">{SvgChart.Escape(columnName)} {SvgChart.Escape(columns[0])}</text><text x=\"{width - 20}\" y=\"{height - 18}\" text-anchor=\"end\">{SvgChart.Escape(columns[^1])}</text>");
        svg.Append(C, $"<text x=\"{Left}\" y=\"{height - 4}\">objective from {min:0.####} (dark) to {max:0.####} (bright); grey: fails the constraints; red box: best</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A dark-blue → green → yellow scale (viridis-like) for a value in [0, 1].</summary>
    private static string Color(double t)
    {
        t = Math.Clamp(t, 0, 1);
        var r = (int)(68 + (t * (253 - 68)));
        var g = (int)(1 + (t * (231 - 1)));
        var b = (int)(84 + (Math.Sin(t * Math.PI) * 80) - (t * 47));
        return string.Create(C, $"#{r:x2}{g:x2}{Math.Clamp(b, 0, 255):x2}");
    }
}
