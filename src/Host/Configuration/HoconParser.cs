namespace ActorArb.Host.Configuration;

/// <summary>
/// Reads HOCON into a resolved <see cref="HoconConfig"/>: the file is tokenized, parsed with its includes, merged
/// key by key in source order, and then every substitution is resolved against the whole document.
/// </summary>
public sealed class HoconParser
{
    private HoconParser()
    {
    }

    /// <summary>
    /// Parses the file at <paramref name="path"/>. Error messages and <see cref="HoconValue.SourceFile"/> name the file
    /// as given here, and included files relative to it.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <param name="environment">Looks up environment variables for substitutions not found in the config; the process environment when null.</param>
    /// <exception cref="ConfigException">The file cannot be read, is malformed, or a substitution cannot be resolved.</exception>
    public static HoconConfig ParseFile(string path, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Resolve(HoconDocumentParser.ParseFile(path, [], []), path, environment);
    }

    /// <summary>
    /// Parses HOCON text. Includes are resolved relative to the directory of <paramref name="sourceName"/> (the current
    /// directory for the default name).
    /// </summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="sourceName">The name used in error messages and as the base of relative includes.</param>
    /// <param name="environment">Looks up environment variables for substitutions not found in the config; the process environment when null.</param>
    /// <exception cref="ConfigException">The text is malformed or a substitution cannot be resolved.</exception>
    public static HoconConfig ParseString(string text, string sourceName = "<string>", Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return Resolve(HoconDocumentParser.Parse(text, sourceName, [], []), sourceName, environment);
    }

    private static HoconConfig Resolve(ObjectNode root, string sourceName, Func<string, string?>? environment)
    {
        HoconMerge.FinishSelfReferences(root);
        var value = HoconResolver.Resolve(root, environment ?? Environment.GetEnvironmentVariable);
        return new HoconConfig(value, string.Empty, sourceName);
    }
}
