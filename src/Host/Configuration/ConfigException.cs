namespace ActorArb.Host.Configuration;

/// <summary>
/// Reports a configuration problem: a syntax error, an include that cannot be read, a substitution that cannot be
/// resolved, or a setting that is missing or has the wrong type. The message always leads with the location, such as
/// <c>config.hocon:14: backtest.fees.taker: expected a number, got "abc"</c>.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an exception without a location.</summary>
    public ConfigException()
    {
    }

    /// <summary>Creates an exception whose message is already complete.</summary>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception whose message is already complete, caused by <paramref name="innerException"/>.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception whose message is already complete and records where the problem is.</summary>
    public ConfigException(string message, string? sourceFile, int line, string? configPath, Exception? innerException = null)
        : base(message, innerException)
    {
        SourceFile = sourceFile;
        Line = line;
        ConfigPath = configPath;
    }

    /// <summary>Gets the file the problem is in, as it was given to the parser (or named by an include).</summary>
    public string? SourceFile { get; }

    /// <summary>Gets the 1-based line of the offending text, or 0 when no single line is to blame.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of a syntax error, or 0 for errors that are not about syntax.</summary>
    public int Column { get; private init; }

    /// <summary>Gets the full dotted path of the offending setting, or null for syntax and include errors.</summary>
    public string? ConfigPath { get; }

    internal static ConfigException Syntax(string file, int line, int column, string what) =>
        new($"{file}:{line}:{column}: {what}", file, line, null) { Column = column };

    internal static ConfigException At(string file, int line, string what) =>
        new($"{file}:{line}: {what}", file, line, null);

    internal static ConfigException AtSetting(string file, int line, string path, string what) =>
        new(path.Length == 0 ? $"{file}:{line}: {what}" : $"{file}:{line}: {path}: {what}", file, line, path);

    internal static ConfigException Missing(string file, string path) =>
        new($"{file}: {path}: missing required setting", file, 0, path);

    internal static ConfigException Invalid(HoconValue value, string path, string expected) =>
        AtSetting(value.SourceFile, value.Line, path, $"expected {expected}, got {value.Describe()}");
}
