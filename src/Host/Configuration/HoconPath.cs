using System.Text;

namespace ActorArb.Host.Configuration;

/// <summary>Parses and renders dotted paths such as <c>backtest.fees.taker</c> or <c>pairs."USDC/USD".buy</c>.</summary>
internal static class HoconPath
{
    public static bool TryParse(string text, out string[] segments, out string? error)
    {
        segments = [];
        error = null;
        var result = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the path is empty";
            return false;
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '"')
            {
                quoted = true;
                for (i++; i < trimmed.Length && trimmed[i] != '"'; i++)
                {
                    if (trimmed[i] == '\\' && i + 1 < trimmed.Length)
                    {
                        i++;
                    }

                    current.Append(trimmed[i]);
                }

                if (i >= trimmed.Length)
                {
                    error = "a quoted path segment is not closed";
                    return false;
                }
            }
            else if (c == '.')
            {
                if (!Close(result, current, ref quoted))
                {
                    error = "the path has an empty segment";
                    return false;
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (!Close(result, current, ref quoted))
        {
            error = "the path has an empty segment";
            return false;
        }

        segments = [.. result];
        return true;
    }

    public static string[] Parse(string text) =>
        TryParse(text, out var segments, out var error)
            ? segments
            : throw new ArgumentException($"invalid config path \"{text}\": {error}", nameof(text));

    public static string Render(IEnumerable<string> segments) => string.Join('.', segments.Select(RenderSegment));

    /// <summary>Appends rendered segments to an already rendered prefix (which may be empty, for the root).</summary>
    public static string Join(string prefix, IEnumerable<string> segments)
    {
        var rest = Render(segments);
        return prefix.Length == 0 ? rest : rest.Length == 0 ? prefix : prefix + "." + rest;
    }

    private static string RenderSegment(string segment) =>
        segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? segment
            : HoconJson.Quote(segment);

    private static bool Close(List<string> result, StringBuilder current, ref bool quoted)
    {
        if (current.Length == 0 && !quoted)
        {
            return false;
        }

        result.Add(current.ToString());
        current.Clear();
        quoted = false;
        return true;
    }
}
