namespace ActorArb.Host.Configuration;

/// <summary>Values: scalars, objects, lists, substitutions and their concatenation on one line.</summary>
internal sealed partial class HoconDocumentParser
{
    private HoconNode ParseValue(string[] path)
    {
        var parts = new List<HoconNode>();
        WhitespaceNode? pendingWhitespace = null;
        var first = Peek();
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                Next();
                if (parts.Count > 0)
                {
                    pendingWhitespace = new WhitespaceNode(token.Text, _file, token.Line, path);
                }

                continue;
            }

            if (!token.IsValueStart)
            {
                break;
            }

            // Whitespace between two values on a line is part of the concatenation (`foo bar` is "foo bar").
            if (pendingWhitespace is not null)
            {
                parts.Add(pendingWhitespace);
                pendingWhitespace = null;
            }

            parts.Add(ParsePart(path));
        }

        return parts.Count switch
        {
            0 => throw Unexpected(Peek(), $"expected a value for {HoconPath.Render(path)}"),
            1 => parts[0],
            _ => new ConcatNode(parts, _file, first.Line, path),
        };
    }

    private HoconNode ParsePart(string[] path)
    {
        var token = Next();
        switch (token.Kind)
        {
            case HoconTokenKind.Unquoted:
                return new ScalarNode(Classify(token.Text), token.Text, _file, token.Line, path);
            case HoconTokenKind.Quoted or HoconTokenKind.TripleQuoted:
                return new ScalarNode(HoconValueKind.String, token.Text, _file, token.Line, path);
            case HoconTokenKind.Substitution:
                var target = HoconPath.Parse(token.Text);
                return new SubstitutionNode(target, _prefix, token.Optional, token.SubstitutionText[2..^1], _file, token.Line, path);
            case HoconTokenKind.OpenBrace:
                var obj = new ObjectNode(_file, token.Line, path);
                ParseFields(obj, HoconTokenKind.CloseBrace, token);
                Next();
                return obj;
            default:
                return ParseArray(path, token);
        }
    }

    private ArrayNode ParseArray(string[] path, HoconToken opener)
    {
        var list = new ArrayNode(_file, opener.Line, path);
        while (true)
        {
            SkipBlankLines();
            var token = Peek();
            if (token.Kind == HoconTokenKind.CloseBracket)
            {
                Next();
                return list;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw Unexpected(token, $"expected ']' to close the list opened at {opener.Line}:{opener.Column}");
            }

            list.Items.Add(ParseValue(path));
            SkipWhitespace();
            var separator = Peek();
            if (separator.Kind == HoconTokenKind.Comma)
            {
                Next();
            }
            else if (separator.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBracket or HoconTokenKind.End))
            {
                throw Unexpected(separator, "expected ',', a new line or ']' after a list element");
            }
        }
    }

    private static HoconValueKind Classify(string text) => text switch
    {
        "true" or "false" => HoconValueKind.Boolean,
        "null" => HoconValueKind.Null,
        _ when NumberPattern().IsMatch(text) => HoconValueKind.Number,
        _ => HoconValueKind.String,
    };
}
