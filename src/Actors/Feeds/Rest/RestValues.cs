using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Reads REST values into domain values the way the WebSocket adapters read theirs (<see cref="WireValues"/>):
/// prices exactly from their text, whether the venue writes them as JSON strings or numbers; times truncated to
/// the millisecond; trade ids as the digits sent. Anything else throws <see cref="WireFormatException"/>.
/// </summary>
internal static class RestValues
{
    /// <summary>Returns the text of a string or the exact digits of a number.</summary>
    public static string Text(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new WireFormatException($"{field} is {value.ValueKind}, not a string or a number"),
    };

    /// <summary>Returns a positive price.</summary>
    public static Price Price(JsonElement value, string field) => WireValues.Price(Encoding.ASCII.GetBytes(Text(value, field)));

    /// <summary>Returns a positive trade size.</summary>
    public static double Size(JsonElement value, string field) => WireValues.Size(Encoding.ASCII.GetBytes(Text(value, field)));

    /// <summary>Returns the side written as <c>buy</c>/<c>sell</c> (any case) or Kraken's <c>b</c>/<c>s</c>.</summary>
    public static Side Side(JsonElement value, string field) => WireValues.Side(Encoding.ASCII.GetBytes(Text(value, field)));

    /// <summary>Returns a bar's volume, which is zero for a bar without trades.</summary>
    public static double Volume(JsonElement value, string field)
    {
        var text = Text(value, field);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var volume) && double.IsFinite(volume) && volume >= 0
            ? volume
            : throw new WireFormatException($"{field} \"{text}\" is not a volume");
    }

    /// <summary>Returns a whole number written as a JSON number or as text.</summary>
    public static long Long(JsonElement value, string field)
    {
        var text = Text(value, field);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new WireFormatException($"{field} \"{text}\" is not a whole number");
    }

    /// <summary>Returns Unix seconds written with a fraction (Kraken <c>1762795433.9717445</c>) in milliseconds, truncated.</summary>
    public static long UnixSecondsToMs(JsonElement value, string field) => WireValues.UnixSecondsToMs(Encoding.ASCII.GetBytes(Text(value, field)));

    /// <summary>Returns an ISO-8601 time in Unix milliseconds, truncated.</summary>
    public static long IsoToMs(JsonElement value, string field) => WireValues.IsoToMs(Encoding.ASCII.GetBytes(Text(value, field)));

    /// <summary>Returns the property <paramref name="name"/> of an object.</summary>
    public static JsonElement Property(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property)
            ? property
            : throw new WireFormatException($"{name} is missing");

    /// <summary>Returns the elements of an array with at least <paramref name="minLength"/> of them.</summary>
    public static JsonElement.ArrayEnumerator Array(JsonElement value, string what, int minLength = 0) =>
        value.ValueKind == JsonValueKind.Array && value.GetArrayLength() >= minLength
            ? value.EnumerateArray()
            : throw new WireFormatException($"{what} is {value.ValueKind}{(value.ValueKind == JsonValueKind.Array ? $" of {value.GetArrayLength()}" : string.Empty)}, not an array of at least {minLength}");

    /// <summary>Returns a candle, flagged <see cref="CandleFlags.Flat"/> when the venue says the bar had no volume.</summary>
    public static Candle Candle(InstrumentId instrument, Timeframe timeframe, long openMs, Price open, Price high, Price low, Price close, double volume, long trades) =>
        open > Domain.Market.Price.Zero && low <= open && low <= close && high >= open && high >= close && trades is >= 0 and <= int.MaxValue
            ? new Candle(instrument, timeframe, openMs, open, high, low, close, volume, (int)trades, volume == 0 ? CandleFlags.Flat : CandleFlags.None)
            : throw new WireFormatException($"bar at {openMs} has inconsistent OHLC {open}/{high}/{low}/{close} or trade count {trades}");
}
