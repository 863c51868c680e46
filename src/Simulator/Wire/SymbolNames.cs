namespace ActorArb.Simulator.Wire;

/// <summary>
/// Spells a normalised symbol (<c>BTC/USD</c>) the way Coinbase and Binance do (Kraken sessions echo the client's own
/// spelling), and reduces any exchange spelling to one lookup key (<c>BTCUSD</c>): separators dropped,
/// <c>XBT</c>→<c>BTC</c>, <c>XDG</c>→<c>DOGE</c>, and Kraken's legacy eight-letter pairs such as <c>XXBTZUSD</c> unwrapped.
/// </summary>
internal static class SymbolNames
{
    private static readonly (string Kraken, string Common)[] Aliases = [("XBT", "BTC"), ("XDG", "DOGE")];

    /// <summary>Returns Coinbase's product id, e.g. <c>BTC-USD</c>.</summary>
    public static string Coinbase(string symbol) => symbol.Replace('/', '-');

    /// <summary>Returns Binance's symbol, e.g. <c>BTCUSDT</c>.</summary>
    public static string Binance(string symbol) => symbol.Replace("/", string.Empty, StringComparison.Ordinal);

    /// <summary>Returns the lookup key of any spelling of a symbol.</summary>
    public static string Key(string raw)
    {
        var text = raw.Trim().ToUpperInvariant();
        var separator = text.IndexOfAny(['/', '-', '_']);
        if (separator > 0)
        {
            return Common(text[..separator]) + Common(text[(separator + 1)..]);
        }

        if (text.Length == 8 && text[0] is 'X' or 'Z' && text[4] is 'X' or 'Z')
        {
            text = text[1..4] + text[5..];
        }

        foreach (var (kraken, common) in Aliases)
        {
            if (text.StartsWith(kraken, StringComparison.Ordinal))
            {
                text = common + text[kraken.Length..];
            }

            if (text.EndsWith(kraken, StringComparison.Ordinal) && text.Length > kraken.Length)
            {
                text = text[..^kraken.Length] + common;
            }
        }

        return text;
    }

    private static string Common(string asset)
    {
        foreach (var (kraken, common) in Aliases)
        {
            if (asset == kraken)
            {
                return common;
            }
        }

        return asset;
    }
}
