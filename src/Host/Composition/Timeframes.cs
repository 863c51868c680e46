using ActorArb.Domain.Market;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>Reads timeframe settings such as <c>timeframe = 4h</c>.</summary>
internal static class Timeframes
{
    public static Timeframe Get(HoconConfig c, string key, Timeframe fallback)
    {
        if (!c.HasPath(key))
        {
            return fallback;
        }

        return Timeframe.TryParse(c.GetString(key), out var tf) ? tf : throw c.InvalidValue(key, "a timeframe such as 1m, 1h, 4h or 1d");
    }
}
