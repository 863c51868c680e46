using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>One dimension of the general mode's grid: a key under <c>backtest.strategy</c> and the values it takes, as HOCON text.</summary>
internal sealed record GridParameter(string Key, IReadOnlyList<string> Values)
{
    /// <summary>
    /// Binds <c>optimize.general.parameters</c>: every leaf is a dimension, named by its path (e.g.
    /// <c>swing.reversal-pct</c>); a leaf is a list of values, <c>{ from, to, step }</c>, or a single value.
    /// </summary>
    public static List<GridParameter> Bind(HoconConfig parameters)
    {
        var found = new List<GridParameter>();
        Collect(parameters, "", found);
        return found;
    }

    private static void Collect(HoconConfig c, string prefix, List<GridParameter> found)
    {
        foreach (var key in c.Keys)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            var value = c.GetValue(key)!;
            if (value.Kind == HoconValueKind.Array)
            {
                var values = c.GetStringList(key).Distinct(StringComparer.Ordinal).ToList();
                found.Add(values.Count > 0 ? new GridParameter(path, values) : throw c.InvalidValue(key, "at least one value"));
            }
            else if (value.Kind == HoconValueKind.Object && value.GetField("from") is not null)
            {
                var range = c.GetConfig(key);
                range.EnsureOnlyKeys("from", "to", "step");
                var (from, to, step) = (range.GetDecimal("from"), range.GetDecimal("to"), range.GetDecimal("step"));
                if (to < from || step <= 0 || (to - from) / step > 100_000)
                {
                    throw c.InvalidValue(key, "{ from, to, step } with to >= from, step > 0 and at most 100,000 values");
                }

                var values = new List<string>();
                for (var v = from; v <= to; v += step)
                {
                    values.Add(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                found.Add(new GridParameter(path, values));
            }
            else if (value.Kind == HoconValueKind.Object)
            {
                Collect(c.GetConfig(key), path, found);
            }
            else
            {
                found.Add(new GridParameter(path, [c.GetString(key)]));
            }
        }
    }
}
