using System.Globalization;
using System.Text;

namespace ActorArb.Host.Configuration;

/// <summary>Splits HOCON text into tokens, dropping comments and keeping whitespace (it matters inside concatenations).</summary>
internal sealed class HoconTokenizer
{
    // Characters the HOCON spec forbids in unquoted text; a string containing one of them must be quoted.
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _file;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public static List<HoconToken> Tokenize(string text, string file)
    {
        var tokenizer = new HoconTokenizer(text, file);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private static HoconTokenKind? Punctuation(char c) => c switch
    {
        ',' => HoconTokenKind.Comma,
        ':' => HoconTokenKind.Colon,
        '=' => HoconTokenKind.Equals,
        '{' => HoconTokenKind.OpenBrace,
        '}' => HoconTokenKind.CloseBrace,
        '[' => HoconTokenKind.OpenBracket,
        ']' => HoconTokenKind.CloseBracket,
        _ => null,
    };

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private bool AtCommentStart => Peek() == '#' || (Peek() == '/' && Peek(1) == '/');

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }

    private void Add(HoconTokenKind kind, string text, int line, int column, bool optional = false) =>
        _tokens.Add(new HoconToken(kind, text, line, column, optional));

    private ConfigException Error(int line, int column, string what) => ConfigException.Syntax(_file, line, column, what);

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var (line, column) = (_line, _column);
            var c = _text[_pos];
            if (c == '\n')
            {
                Advance();
                Add(HoconTokenKind.Newline, "\n", line, column);
            }
            else if (AtCommentStart)
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    Advance();
                }
            }
            else if (IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }

                Add(HoconTokenKind.Whitespace, _text[start.._pos], line, column);
            }
            else if (c == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                ReadTripleQuoted(line, column);
            }
            else if (c == '"')
            {
                ReadQuoted(line, column);
            }
            else if (c == '$' && Peek(1) == '{')
            {
                ReadSubstitution(line, column);
            }
            else if (c == '+' && Peek(1) == '=')
            {
                Advance(2);
                Add(HoconTokenKind.PlusEquals, "+=", line, column);
            }
            else if (Punctuation(c) is { } kind)
            {
                Advance();
                Add(kind, c.ToString(), line, column);
            }
            else if (Forbidden.Contains(c, StringComparison.Ordinal))
            {
                throw Error(line, column, c switch
                {
                    '$' => "unexpected '$'; a substitution is written ${path}",
                    '+' => "unexpected '+'; did you mean '+='? (quote strings that contain '+')",
                    _ => $"unexpected '{c}'; quote strings that contain it",
                });
            }
            else
            {
                ReadUnquoted(line, column);
            }
        }

        Add(HoconTokenKind.End, string.Empty, _line, _column);
    }

    private void ReadUnquoted(int line, int column)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || AtCommentStart)
            {
                break;
            }

            if (Forbidden.Contains(c, StringComparison.Ordinal) && !IsExponentSign(start))
            {
                break;
            }

            Advance();
        }

        Add(HoconTokenKind.Unquoted, _text[start.._pos], line, column);
    }

    // '+' is forbidden in unquoted text, but a number such as 1e+5 needs it after its exponent marker.
    private bool IsExponentSign(int start) =>
        Peek() == '+' && _pos > start && _text[_pos - 1] is 'e' or 'E'
        && (char.IsAsciiDigit(_text[start]) || _text[start] == '-') && char.IsAsciiDigit(Peek(1));

    private void ReadQuoted(int line, int column)
    {
        Advance();
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(line, column, "unterminated string; a quoted string must end on the line it starts on");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                Advance();
                break;
            }

            if (c == '\\')
            {
                ReadEscape(builder);
            }
            else
            {
                builder.Append(c);
                Advance();
            }
        }

        Add(HoconTokenKind.Quoted, builder.ToString(), line, column);
    }

    private void ReadEscape(StringBuilder builder)
    {
        var (line, column) = (_line, _column);
        var escape = Peek(1);
        char? simple = escape switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (simple is { } decoded)
        {
            builder.Append(decoded);
            Advance(2);
            return;
        }

        if (escape == 'u' && _pos + 6 <= _text.Length
            && ushort.TryParse(_text.AsSpan(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            builder.Append((char)code);
            Advance(6);
            return;
        }

        var shown = escape is '\0' or '\n' ? string.Empty : escape.ToString();
        throw Error(line, column, $"invalid escape '\\{shown}' in a quoted string");
    }

    private void ReadTripleQuoted(int line, int column)
    {
        Advance(3);
        var start = _pos;
        var end = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(line, column, "unterminated triple-quoted string; expected a closing \"\"\"");
        }

        // Quotes just before the closing three belong to the string ("""say "hi"""" is `say "hi"`).
        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++;
        }

        var content = _text[start..end];
        Advance(end + 3 - _pos);
        Add(HoconTokenKind.TripleQuoted, content, line, column);
    }

    private void ReadSubstitution(int line, int column)
    {
        Advance(2);
        var optional = Peek() == '?';
        if (optional)
        {
            Advance();
        }

        var start = _pos;
        var inQuotes = false;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(line, column, "unterminated substitution; expected '}' on the same line");
            }

            var c = _text[_pos];
            if (c == '}' && !inQuotes)
            {
                break;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\\' && inQuotes && Peek(1) is not ('\n' or '\0'))
            {
                Advance();
            }

            Advance();
        }

        var inner = _text[start.._pos];
        Advance();
        if (!HoconPath.TryParse(inner, out _, out var error))
        {
            throw Error(line, column, $"invalid substitution ${{{(optional ? "?" : string.Empty)}{inner}}}: {error}");
        }

        Add(HoconTokenKind.Substitution, inner.Trim(), line, column, optional);
    }
}
