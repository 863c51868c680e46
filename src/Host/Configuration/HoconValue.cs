using System.Text;

namespace ActorArb.Host.Configuration;

/// <summary>
/// A resolved, immutable HOCON value together with where it was written. Scalars keep their literal text in
/// <see cref="RawText"/> (numbers exactly as written), so callers decide how to parse them.
/// </summary>
public sealed class HoconValue
{
    private static readonly Dictionary<string, HoconValue> NoFields = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HoconValue> _fields;

    private HoconValue(
        HoconValueKind kind,
        string rawText,
        string sourceFile,
        int line,
        IReadOnlyList<string> keys,
        Dictionary<string, HoconValue> fields,
        IReadOnlyList<HoconValue> items)
    {
        Kind = kind;
        RawText = rawText;
        SourceFile = sourceFile;
        Line = line;
        Keys = keys;
        _fields = fields;
        Items = items;
    }

    /// <summary>Gets the type of this value.</summary>
    public HoconValueKind Kind { get; }

    /// <summary>Gets the file this value was written in, as given to the parser or named by an include.</summary>
    public string SourceFile { get; }

    /// <summary>Gets the 1-based line this value was written on (for a substituted value: the substitution's line).</summary>
    public int Line { get; }

    /// <summary>
    /// Gets the literal text of a scalar: a number as written (<c>0.99730</c> stays <c>0.99730</c>), a string decoded,
    /// or <c>true</c>, <c>false</c>, <c>null</c>. Empty for objects and lists.
    /// </summary>
    public string RawText { get; }

    /// <summary>Gets the keys of an object in source order; empty for any other kind.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Gets the elements of a list; empty for any other kind.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    /// <summary>Returns the value of an object's direct child <paramref name="key"/>, or null when there is none.</summary>
    public HoconValue? GetField(string key) => _fields.GetValueOrDefault(key);

    /// <summary>Returns canonical JSON for this value: compact, keys in source order, numbers as written.</summary>
    public string ToJson()
    {
        var builder = new StringBuilder();
        HoconJson.Write(this, builder);
        return builder.ToString();
    }

    /// <summary>Returns the literal text of a scalar, or the JSON of an object or list.</summary>
    public override string ToString() => Kind is HoconValueKind.Object or HoconValueKind.Array ? ToJson() : RawText;

    internal static HoconValue Scalar(HoconValueKind kind, string rawText, string sourceFile, int line) =>
        new(kind, rawText, sourceFile, line, [], NoFields, []);

    internal static HoconValue Object(IReadOnlyList<KeyValuePair<string, HoconValue>> fields, string sourceFile, int line)
    {
        var keys = new string[fields.Count];
        var map = new Dictionary<string, HoconValue>(fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            keys[i] = fields[i].Key;
            map.Add(fields[i].Key, fields[i].Value);
        }

        return new(HoconValueKind.Object, string.Empty, sourceFile, line, keys, map, []);
    }

    internal static HoconValue Array(IReadOnlyList<HoconValue> items, string sourceFile, int line) =>
        new(HoconValueKind.Array, string.Empty, sourceFile, line, [], NoFields, items);

    internal HoconValue WithOrigin(string sourceFile, int line) =>
        new(Kind, RawText, sourceFile, line, Keys, _fields, Items);

    /// <summary>Describes the value for an error message: strings quoted, other scalars as written.</summary>
    internal string Describe() => Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "a list",
        HoconValueKind.String => HoconJson.Quote(RawText),
        _ => RawText,
    };
}
