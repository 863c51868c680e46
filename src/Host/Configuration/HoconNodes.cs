namespace ActorArb.Host.Configuration;

/// <summary>
/// A value as parsed, before substitutions are resolved. <see cref="Path"/> is the absolute config path the value was
/// written at, used in error messages. Parsed trees have one owner: merging moves nodes, it never shares them.
/// </summary>
internal abstract class HoconNode(string file, int line, string[] path)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string[] Path { get; } = path;
}

internal sealed class ScalarNode(HoconValueKind kind, string rawText, string file, int line, string[] path)
    : HoconNode(file, line, path)
{
    public HoconValueKind Kind { get; } = kind;

    public string RawText { get; } = rawText;
}

internal sealed class WhitespaceNode(string text, string file, int line, string[] path) : HoconNode(file, line, path)
{
    public string Text { get; } = text;
}

internal sealed class ObjectNode(string file, int line, string[] path) : HoconNode(file, line, path)
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, HoconNode> _fields = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Keys => _keys;

    public HoconNode? Get(string key) => _fields.GetValueOrDefault(key);

    /// <summary>Sets a field; a key keeps the position of its first definition.</summary>
    public void Set(string key, HoconNode value)
    {
        if (!_fields.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _fields[key] = value;
    }
}

internal sealed class ArrayNode(string file, int line, string[] path) : HoconNode(file, line, path)
{
    public List<HoconNode> Items { get; } = [];
}

/// <summary>
/// <c>${Target}</c> or <c>${?Target}</c>. <see cref="Prefix"/> is where the file holding it was included, because a
/// substitution in an included file is looked up relative to its include site first.
/// </summary>
internal sealed class SubstitutionNode(string[] target, string[] prefix, bool optional, string text, string file, int line, string[] path)
    : HoconNode(file, line, path)
{
    public string[] Target { get; } = target;

    public string[] Prefix { get; } = prefix;

    public bool Optional { get; } = optional;

    /// <summary>Gets the substitution as written, for messages.</summary>
    public string Text { get; } = text;

    public bool RefersTo(string[] path) => Prefix.Concat(Target).SequenceEqual(path, StringComparer.Ordinal);
}

/// <summary>Values written next to each other on one line; whitespace between them is kept as <see cref="WhitespaceNode"/>s.</summary>
internal sealed class ConcatNode(List<HoconNode> parts, string file, int line, string[] path) : HoconNode(file, line, path)
{
    public List<HoconNode> Parts { get; } = parts;
}

/// <summary>
/// Successive definitions of one key whose outcome depends on substitutions: resolved in order, a later object merges
/// into an earlier one, any other later value replaces it, and an undefined <c>${?x}</c> leaves the earlier value.
/// </summary>
internal sealed class MergeStackNode(List<HoconNode> layers, string file, int line, string[] path) : HoconNode(file, line, path)
{
    public List<HoconNode> Layers { get; } = layers;
}

/// <summary>An optional self-reference with no earlier value: it resolves to nothing.</summary>
internal sealed class UndefinedNode(string file, int line, string[] path) : HoconNode(file, line, path);
