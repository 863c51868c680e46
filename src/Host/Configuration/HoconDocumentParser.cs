using System.Text;
using System.Text.RegularExpressions;

namespace ActorArb.Host.Configuration;

/// <summary>
/// Turns one file's tokens into an unresolved object tree, following includes. Keys are merged as they are read
/// (<see cref="HoconMerge"/>); substitutions are left for <see cref="HoconResolver"/>.
/// </summary>
internal sealed partial class HoconDocumentParser
{
    private const int MaxIncludeDepth = 32;

    private readonly List<HoconToken> _tokens;
    private readonly string _file;
    private readonly string[] _prefix;
    private readonly IReadOnlyList<string> _includeChain;
    private int _index;

    private HoconDocumentParser(List<HoconToken> tokens, string file, string[] prefix, IReadOnlyList<string> includeChain)
    {
        _tokens = tokens;
        _file = file;
        _prefix = prefix;
        _includeChain = includeChain;
    }

    /// <summary>Parses text whose keys live under <paramref name="prefix"/> (empty for a top-level document).</summary>
    public static ObjectNode Parse(string text, string file, string[] prefix, IReadOnlyList<string> includeChain)
    {
        var parser = new HoconDocumentParser(HoconTokenizer.Tokenize(text, file), file, prefix, includeChain);
        return parser.ParseDocument();
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    private HoconToken Peek(int ahead = 0) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private HoconToken Next()
    {
        var token = Peek();
        _index = Math.Min(_index + 1, _tokens.Count - 1);
        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    private void SkipBlankLines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    private ConfigException Unexpected(HoconToken token, string expectation) =>
        ConfigException.Syntax(_file, token.Line, token.Column, $"unexpected {token.Describe()}; {expectation}");

    private ObjectNode ParseDocument()
    {
        SkipBlankLines();
        var first = Peek();
        if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw Unexpected(first, "the root of a config file must be an object");
        }

        if (first.Kind != HoconTokenKind.OpenBrace)
        {
            var root = new ObjectNode(_file, first.Line, _prefix);
            ParseFields(root, HoconTokenKind.End, first);
            return root;
        }

        var braced = (ObjectNode)ParsePart(_prefix);
        SkipBlankLines();
        if (Peek().Kind != HoconTokenKind.End)
        {
            throw Unexpected(Peek(), "expected nothing after the '}' that closes the root object");
        }

        return braced;
    }

    private void ParseFields(ObjectNode target, HoconTokenKind closer, HoconToken opener)
    {
        while (true)
        {
            SkipBlankLines();
            var token = Peek();
            if (token.Kind == closer)
            {
                return;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw Unexpected(token, $"expected '}}' to close the object opened at {opener.Line}:{opener.Column}");
            }

            RejectStrayCloser(token, closer);
            if (IsInclude())
            {
                ParseInclude(target);
            }
            else
            {
                ParseField(target);
            }

            SkipWhitespace();
            var separator = Peek();
            if (separator.Kind == HoconTokenKind.Comma)
            {
                Next();
            }
            else if (separator.Kind != HoconTokenKind.Newline && separator.Kind != closer)
            {
                RejectStrayCloser(separator, closer);
                throw separator.Kind == HoconTokenKind.End
                    ? Unexpected(separator, $"expected '}}' to close the object opened at {opener.Line}:{opener.Column}")
                    : Unexpected(separator, separator.Kind == HoconTokenKind.Colon
                        ? "expected ',' or a new line after a value (quote a string that contains ':')"
                        : "expected ',' or a new line after a value");
            }
        }
    }

    private void RejectStrayCloser(HoconToken token, HoconTokenKind closer)
    {
        if (token.Kind is HoconTokenKind.CloseBrace or HoconTokenKind.CloseBracket && token.Kind != closer)
        {
            var opener = token.Kind == HoconTokenKind.CloseBrace ? "'{'" : "'['";
            throw Unexpected(token, $"there is no {opener} open here for it to close");
        }
    }

    private void ParseField(ObjectNode target)
    {
        var keyToken = Peek();
        var key = ParseKey();
        string[] path = [.. target.Path, .. key];
        SkipWhitespace();
        var separator = Peek();
        HoconNode value;
        switch (separator.Kind)
        {
            case HoconTokenKind.OpenBrace:
                value = ParseValue(path);
                break;
            case HoconTokenKind.Colon or HoconTokenKind.Equals:
                Next();
                SkipWhitespace();
                value = ParseValue(path);
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipWhitespace();
                var element = ParseValue(path);
                var list = new ArrayNode(_file, element.Line, path);
                list.Items.Add(element);
                var earlier = new SubstitutionNode(path, [], optional: true, HoconPath.Render(path), _file, separator.Line, path);
                value = new ConcatNode([earlier, list], _file, separator.Line, path);
                break;
            default:
                throw Unexpected(separator, $"expected ':', '=' or '{{' after the key {HoconPath.Render(key)}");
        }

        HoconMerge.SetField(target, key, value, _file, keyToken.Line);
    }

    private string[] ParseKey()
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var currentHasText = false;
        string? pendingWhitespace = null;
        var first = Peek();
        while (Peek().Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.Whitespace)
        {
            var token = Next();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                pendingWhitespace = token.Text;
                continue;
            }

            // Whitespace inside a key is part of it (`foo bar = 1`); whitespace before the separator is not.
            current.Append(pendingWhitespace);
            pendingWhitespace = null;
            if (token.Kind == HoconTokenKind.Quoted)
            {
                current.Append(token.Text);
                currentHasText = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    continue;
                }

                if (!currentHasText && current.Length == 0)
                {
                    throw ConfigException.Syntax(_file, token.Line, token.Column, $"the key '{token.Text}' has an empty path segment");
                }

                segments.Add(current.ToString());
                current.Clear();
                currentHasText = false;
            }
        }

        if (segments.Count == 0 && current.Length == 0 && !currentHasText)
        {
            throw Unexpected(Peek(), "expected a key");
        }

        if (current.Length == 0 && !currentHasText)
        {
            throw ConfigException.Syntax(_file, first.Line, first.Column, "the key ends with '.', leaving an empty path segment");
        }

        segments.Add(current.ToString());
        return [.. segments];
    }
}
