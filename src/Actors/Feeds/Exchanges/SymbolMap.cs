using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Translates between exchange symbols and normalised ones: <c>BASE/QUOTE</c> in upper case with <c>XBT</c> read as
/// <c>BTC</c> and <c>XDG</c> as <c>DOGE</c>. <c>USDC-USD</c>, <c>USDCUSD</c> and <c>USDC/USD</c> all become
/// <c>USDC/USD</c>; <c>usdcusdt</c> becomes <c>USDC/USDT</c>. Symbols written without a separator are split at a known
/// quote asset (stablecoins, fiat, BTC, ETH, BNB); anything else needs a separator.
/// </summary>
public static class SymbolMap
{
    // Longest first, so USDT wins over USD and FDUSD over USD.
    private static readonly string[] Quotes =
        ["FDUSD", "PYUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "EURC", "EURT", "USD", "EUR", "GBP", "JPY", "CAD", "CHF", "AUD", "TRY", "BRL", "DAI", "BTC", "XBT", "ETH", "BNB"];

    // A stablecoin in front of a known quote is the base (USDTUSD is USDT/USD, not USD/TUSD).
    private static readonly string[] StableBases = ["FDUSD", "PYUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "EURC", "EURT", "DAI"];

    private static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["XBT"] = "BTC", ["XDG"] = "DOGE" };

    // Kraken's legacy asset codes (REST pair names such as XXBTZUSD).
    private static readonly Dictionary<string, string> KrakenLegacy = new(StringComparer.Ordinal)
    {
        ["XXBT"] = "BTC", ["XXDG"] = "DOGE", ["XETH"] = "ETH", ["XLTC"] = "LTC", ["XXRP"] = "XRP", ["XXLM"] = "XLM",
        ["XXMR"] = "XMR", ["XETC"] = "ETC", ["XZEC"] = "ZEC", ["XREP"] = "REP", ["XMLN"] = "MLN",
        ["ZUSD"] = "USD", ["ZEUR"] = "EUR", ["ZGBP"] = "GBP", ["ZCAD"] = "CAD", ["ZJPY"] = "JPY",
    };

    /// <summary>Returns the normalised symbol for an exchange symbol of <paramref name="flavour"/>.</summary>
    /// <exception cref="ArgumentException">The flavour is unknown or the symbol cannot be split into base and quote.</exception>
    public static string Normalise(string flavour, string raw) =>
        TryNormalise(flavour, raw, out var normalised)
            ? normalised
            : throw new ArgumentException($"cannot read the {flavour} symbol \"{raw}\" as BASE/QUOTE", nameof(raw));

    /// <summary>Returns true and the normalised symbol when <paramref name="raw"/> can be split into base and quote.</summary>
    /// <exception cref="ArgumentException">The flavour is unknown.</exception>
    public static bool TryNormalise(string flavour, string raw, [NotNullWhen(true)] out string? normalised)
    {
        var kraken = ExchangeFlavours.VenueOf(flavour) == "kraken";
        normalised = null;
        var text = raw.Trim().ToUpperInvariant();
        if (!Split(text, kraken, out var baseAsset, out var quoteAsset))
        {
            return false;
        }

        baseAsset = Canonical(baseAsset, kraken);
        quoteAsset = Canonical(quoteAsset, kraken);
        if (!IsAsset(baseAsset) || !IsAsset(quoteAsset))
        {
            return false;
        }

        normalised = $"{baseAsset}/{quoteAsset}";
        return true;
    }

    /// <summary>
    /// Returns the symbol <paramref name="flavour"/> uses for a normalised one: Coinbase <c>BTC-USD</c>, Kraken v2
    /// <c>BTC/USD</c>, Kraken v1 <c>XBT/USD</c> (and <c>XDG</c> for DOGE), Binance <c>BTCUSDT</c> (streams use it in lower case).
    /// </summary>
    /// <exception cref="ArgumentException">The flavour is unknown or the symbol is not <c>BASE/QUOTE</c>.</exception>
    public static string ToExchange(string flavour, string normalised)
    {
        ExchangeFlavours.VenueOf(flavour);
        var slash = normalised.IndexOf('/', StringComparison.Ordinal);
        var baseAsset = slash > 0 ? normalised[..slash] : string.Empty;
        var quoteAsset = slash > 0 ? normalised[(slash + 1)..] : string.Empty;
        if (!IsAsset(baseAsset) || !IsAsset(quoteAsset) || baseAsset != baseAsset.ToUpperInvariant() || quoteAsset != quoteAsset.ToUpperInvariant())
        {
            throw new ArgumentException($"\"{normalised}\" is not a normalised BASE/QUOTE symbol", nameof(normalised));
        }

        return flavour switch
        {
            ExchangeFlavours.Coinbase or ExchangeFlavours.CoinbaseExchange => $"{baseAsset}-{quoteAsset}",
            ExchangeFlavours.KrakenV1 => $"{KrakenV1Asset(baseAsset)}/{KrakenV1Asset(quoteAsset)}",
            ExchangeFlavours.Binance => baseAsset + quoteAsset,
            _ => normalised,
        };
    }

    private static bool Split(string text, bool kraken, out string baseAsset, out string quoteAsset)
    {
        var separator = text.IndexOfAny(['-', '/', '_']);
        if (separator >= 0)
        {
            baseAsset = text[..separator];
            quoteAsset = text[(separator + 1)..];
            return true;
        }

        if (kraken && text.Length == 8 && (KrakenLegacy.ContainsKey(text[..4]) || KrakenLegacy.ContainsKey(text[4..])))
        {
            baseAsset = text[..4];
            quoteAsset = text[4..];
            return true;
        }

        foreach (var stable in StableBases)
        {
            if (text.StartsWith(stable, StringComparison.Ordinal) && Array.IndexOf(Quotes, text[stable.Length..]) >= 0)
            {
                baseAsset = stable;
                quoteAsset = text[stable.Length..];
                return true;
            }
        }

        foreach (var quote in Quotes)
        {
            if (text.Length > quote.Length && text.EndsWith(quote, StringComparison.Ordinal))
            {
                baseAsset = text[..^quote.Length];
                quoteAsset = quote;
                return true;
            }
        }

        baseAsset = quoteAsset = string.Empty;
        return false;
    }

    private static string Canonical(string asset, bool kraken) =>
        kraken && KrakenLegacy.TryGetValue(asset, out var legacy) ? legacy
        : Aliases.TryGetValue(asset, out var alias) ? alias
        : asset;

    private static string KrakenV1Asset(string asset) => asset switch
    {
        "BTC" => "XBT",
        "DOGE" => "XDG",
        _ => asset,
    };

    private static bool IsAsset(string asset) => asset.Length is > 0 and <= 16 && !asset.AsSpan().ContainsAnyExcept(LettersAndDigits);
}
