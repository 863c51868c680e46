namespace ActorArb.Host.Configuration;

/// <summary>Rejecting settings a reader does not know, so a misspelt key fails loudly instead of being ignored.</summary>
public sealed partial class HoconConfig
{
    /// <summary>
    /// Throws for the first direct child key not in <paramref name="allowedKeys"/>, naming its file, line and full path
    /// and suggesting the closest allowed key when one is a likely misspelling.
    /// </summary>
    /// <exception cref="ConfigException">A key is not allowed.</exception>
    public void EnsureOnlyKeys(params string[] allowedKeys)
    {
        ArgumentNullException.ThrowIfNull(allowedKeys);
        foreach (var key in Keys)
        {
            if (allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            var value = _value!.GetField(key)!;
            var suggestion = allowedKeys
                .Select(allowed => (Key: allowed, Distance: EditDistance(key, allowed)))
                .Where(c => c.Distance <= Math.Max(1, Math.Min(key.Length, c.Key.Length) / 3))
                .OrderBy(c => c.Distance)
                .Select(c => c.Key)
                .FirstOrDefault();
            var hint = suggestion is not null
                ? $"did you mean \"{suggestion}\"?"
                : allowedKeys.Length == 0 ? "no settings are allowed here" : "expected one of: " + string.Join(", ", allowedKeys);
            throw ConfigException.AtSetting(value.SourceFile, value.Line, HoconPath.Join(Path, [key]), $"unknown setting; {hint}");
        }
    }

    /// <summary>Returns the Levenshtein distance, ignoring case (a key differing only in case is still a misspelling).</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
