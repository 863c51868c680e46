using System.Globalization;
using System.Text;

namespace ActorArb.Host.Configuration;

/// <summary>Writes resolved values as compact JSON with keys in source order, so the same config always gives the same text.</summary>
internal static class HoconJson
{
    public static void Write(HoconValue value, StringBuilder builder)
    {
        switch (value.Kind)
        {
            case HoconValueKind.Object:
                builder.Append('{');
                for (var i = 0; i < value.Keys.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendQuoted(builder, value.Keys[i]);
                    builder.Append(':');
                    Write(value.GetField(value.Keys[i])!, builder);
                }

                builder.Append('}');
                break;
            case HoconValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < value.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(value.Items[i], builder);
                }

                builder.Append(']');
                break;
            case HoconValueKind.String:
                AppendQuoted(builder, value.RawText);
                break;
            default:
                // Numbers only get this kind when their text is a JSON number, so writing it verbatim keeps it exact.
                builder.Append(value.RawText);
                break;
        }
    }

    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
