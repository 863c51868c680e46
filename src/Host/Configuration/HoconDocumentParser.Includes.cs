namespace ActorArb.Host.Configuration;

/// <summary>
/// <c>include "file"</c>, <c>include required("file")</c> and <c>include file("file")</c>: the named file, relative to
/// the including one, is parsed and merged in place. A missing file is always an error, since a silently skipped
/// include would run a backtest on settings nobody asked for.
/// </summary>
internal sealed partial class HoconDocumentParser
{
    /// <summary>Reads and parses a file whose keys live under <paramref name="prefix"/>.</summary>
    public static ObjectNode ParseFile(string file, string[] prefix, IReadOnlyList<string> includeChain)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{file}: cannot read the config file: {e.Message}", file, 0, null, e);
        }

        return Parse(text, file, prefix, [.. includeChain, Path.GetFullPath(file)]);
    }

    private bool IsInclude()
    {
        if (Peek() is not { Kind: HoconTokenKind.Unquoted, Text: "include" } || Peek(1).Kind != HoconTokenKind.Whitespace)
        {
            return false;
        }

        var next = Peek(2);
        return next.Kind == HoconTokenKind.Quoted || (next.Kind == HoconTokenKind.Unquoted && next.Text.EndsWith('('));
    }

    private void ParseInclude(ObjectNode target)
    {
        var include = Next();
        SkipWhitespace();
        var nameToken = Next();
        if (nameToken.Kind == HoconTokenKind.Unquoted)
        {
            if (nameToken.Text is not ("required(" or "file("))
            {
                throw ConfigException.Syntax(_file, nameToken.Line, nameToken.Column,
                    $"unsupported include form '{nameToken.Text}'; use include \"file\", required(\"file\") or file(\"file\")");
            }

            SkipWhitespace();
            nameToken = Next();
            if (nameToken.Kind != HoconTokenKind.Quoted)
            {
                throw Unexpected(nameToken, "expected a quoted file name");
            }

            SkipWhitespace();
            var close = Next();
            if (close is not { Kind: HoconTokenKind.Unquoted, Text: ")" })
            {
                throw Unexpected(close, "expected ')' after the included file name");
            }
        }

        var name = nameToken.Text;
        var resolved = Path.IsPathRooted(name) ? name : Path.Combine(Path.GetDirectoryName(_file) ?? string.Empty, name);
        if (!File.Exists(resolved))
        {
            throw ConfigException.At(_file, include.Line, $"include \"{name}\": file not found: {resolved}");
        }

        var fullPath = Path.GetFullPath(resolved);
        if (_includeChain.Contains(fullPath, StringComparer.Ordinal))
        {
            throw ConfigException.At(_file, include.Line, $"include \"{name}\": include cycle: {string.Join(" -> ", _includeChain.Append(fullPath).Select(Path.GetFileName))}");
        }

        if (_includeChain.Count >= MaxIncludeDepth)
        {
            throw ConfigException.At(_file, include.Line, $"include \"{name}\": includes are nested more than {MaxIncludeDepth} deep");
        }

        var included = ParseFile(resolved, target.Path, _includeChain);
        foreach (var key in included.Keys)
        {
            HoconMerge.MergeField(target, key, included.Get(key)!);
        }
    }
}
