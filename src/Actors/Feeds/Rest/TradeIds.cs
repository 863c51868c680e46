using System.Globalization;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>Reads venue trade ids as numbers: Coinbase and Binance ids fit a <see cref="long"/>; Kraken's are compared as 128-bit.</summary>
internal static class TradeIds
{
    /// <summary>Returns the id as a non-negative 64-bit number.</summary>
    /// <exception cref="ArgumentException">The id is not a plain non-negative number.</exception>
    public static long ParseLong(string venue, string id, string parameter) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw NotNumeric(venue, id, parameter);

    /// <summary>Returns the id as an unsigned 128-bit number.</summary>
    /// <exception cref="ArgumentException">The id is not a plain non-negative number.</exception>
    public static UInt128 ParseWide(string venue, string id, string parameter) =>
        UInt128.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw NotNumeric(venue, id, parameter);

    private static ArgumentException NotNumeric(string venue, string id, string parameter) =>
        new($"trade id \"{id}\" is not a {venue} trade id: REST refills by id need the venue's numeric ids (a feed that derives its own, such as Kraken v1, refills by time)", parameter);
}
