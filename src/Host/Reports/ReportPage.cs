using System.Text;

namespace ActorArb.Host.Reports;

/// <summary>The opening of every self-contained HTML report: document head, the shared style sheet and the title.</summary>
internal static class ReportPage
{
    /// <summary>Appends the head with the shared styles plus <paramref name="extraStyles"/>, the body tag and an h1 of <paramref name="title"/> (escaped here).</summary>
    public static void Start(StringBuilder html, string title, string extraStyles = "")
    {
        var escaped = SvgChart.Escape(title);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{escaped}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 24px; color: #222; max-width: 1150px; }
            h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
            table { border-collapse: collapse; font-size: 13px; }
            td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
            th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }

            """);
        html.Append(extraStyles);
        html.Append($"""
            </style></head><body>
            <h1>{escaped}</h1>

            """);
    }
}
