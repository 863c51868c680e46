namespace ActorArb.Host.Configuration;

/// <summary>
/// An immutable view of a resolved config object: the root, or a sub-tree reached by <see cref="GetConfig"/>.
/// Paths are dotted (<c>backtest.fees.taker</c>, with quotes around a segment that holds a dot) and relative to this
/// view; error messages name the full path from the root, the file and the line.
/// </summary>
public sealed partial class HoconConfig
{
    private readonly HoconValue? _value;
    private readonly string _sourceFile;

    internal HoconConfig(HoconValue? value, string path, string sourceFile)
    {
        _value = value;
        Path = path;
        _sourceFile = sourceFile;
    }

    /// <summary>Gets the full path of this sub-tree from the root ("" for the root).</summary>
    public string Path { get; }

    /// <summary>Gets the direct child keys in source order (a key redefined later keeps its first position).</summary>
    public IReadOnlyList<string> Keys => _value?.Keys ?? [];

    /// <summary>Returns whether <paramref name="path"/> holds a value other than <c>null</c>.</summary>
    public bool HasPath(string path) => Find(path) is { Kind: not HoconValueKind.Null };

    /// <summary>Returns the value at <paramref name="path"/> (a <c>null</c> literal included), or null when there is none.</summary>
    public HoconValue? GetValue(string path) => Find(path);

    /// <summary>
    /// Returns the sub-tree at <paramref name="path"/>. A missing path gives an empty config whose errors still name
    /// the full path, so a required setting inside it is reported as <c>file: a.b.c: missing required setting</c>.
    /// </summary>
    /// <exception cref="ConfigException">The path holds something other than an object.</exception>
    public HoconConfig GetConfig(string path)
    {
        var value = Locate(path, out var fullPath, out var sourceFile);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            return new HoconConfig(null, fullPath, sourceFile);
        }

        return value.Kind == HoconValueKind.Object
            ? new HoconConfig(value, fullPath, value.SourceFile)
            : throw ConfigException.Invalid(value, fullPath, "an object");
    }

    /// <summary>Returns each object in the list at <paramref name="path"/> as a config whose path is <c>path[index]</c>.</summary>
    /// <exception cref="ConfigException">The path is missing, is not a list, or holds an element that is not an object.</exception>
    public IReadOnlyList<HoconConfig> GetConfigList(string path)
    {
        var (list, fullPath) = RequireList(path);
        var configs = new HoconConfig[list.Items.Count];
        for (var i = 0; i < configs.Length; i++)
        {
            var item = list.Items[i];
            var itemPath = $"{fullPath}[{i}]";
            configs[i] = item.Kind == HoconValueKind.Object
                ? new HoconConfig(item, itemPath, item.SourceFile)
                : throw ConfigException.Invalid(item, itemPath, "an object");
        }

        return configs;
    }

    /// <summary>Returns canonical JSON for this sub-tree: compact, keys in source order, numbers exactly as written.</summary>
    public string ToJson() => _value?.ToJson() ?? "{}";

    /// <summary>Returns the JSON of this sub-tree.</summary>
    public override string ToString() => ToJson();

    /// <summary>
    /// Returns an exception for a setting whose value is present but unacceptable, located at that value:
    /// <c>config.hocon:12: backtest.strategy: expected one of peg, grid, got "pegg"</c>. Callers throw it.
    /// </summary>
    /// <param name="path">The setting, relative to this config.</param>
    /// <param name="expected">What was expected, such as <c>a price below sell</c>.</param>
    public ConfigException InvalidValue(string path, string expected)
    {
        var value = Locate(path, out var fullPath, out var sourceFile);
        return value is null ? ConfigException.Missing(sourceFile, fullPath) : ConfigException.Invalid(value, fullPath, expected);
    }

    private HoconValue? Find(string path) => Locate(path, out _, out _, strict: false);

    /// <summary>
    /// Walks <paramref name="path"/>. A value in the way that is not an object is an error when
    /// <paramref name="strict"/> (a getter), since <c>fees = 0.1</c> where <c>fees.taker</c> is read is a mistake
    /// worth naming; <see cref="HasPath"/> and <see cref="GetValue"/> just report nothing there.
    /// </summary>
    private HoconValue? Locate(string path, out string fullPath, out string sourceFile, bool strict = true)
    {
        var segments = HoconPath.Parse(path);
        fullPath = HoconPath.Join(Path, segments);
        sourceFile = _value?.SourceFile ?? _sourceFile;
        var current = _value;
        for (var i = 0; i < segments.Length && current is not null; i++)
        {
            if (current.Kind != HoconValueKind.Object)
            {
                return strict
                    ? throw ConfigException.Invalid(current, HoconPath.Join(Path, segments[..i]), "an object")
                    : null;
            }

            sourceFile = current.SourceFile;
            current = current.GetField(segments[i]);
        }

        return current;
    }

    private (HoconValue List, string FullPath) RequireList(string path)
    {
        var value = Locate(path, out var fullPath, out var sourceFile) ?? throw ConfigException.Missing(sourceFile, fullPath);
        return value.Kind == HoconValueKind.Array ? (value, fullPath) : throw ConfigException.Invalid(value, fullPath, "a list");
    }

}
