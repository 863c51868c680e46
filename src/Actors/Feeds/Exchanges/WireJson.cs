using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Reading helpers over <see cref="Utf8JsonReader"/> that hand back the raw UTF-8 of a value (a slice of the frame,
/// so nothing is allocated unless the value is escaped) and writing helpers for subscribe frames.
/// </summary>
internal static class WireJson
{
    private const int SampleChars = 200;

    /// <summary>Moves to the value of the current property and returns the text of a string or the digits of a number.</summary>
    public static ReadOnlySpan<byte> Scalar(scoped ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Number
            ? Current(ref reader)
            : throw new WireFormatException($"{field} is {reader.TokenType}, not a string or a number");
    }

    /// <summary>Moves to the value of the current property and returns the text of a string.</summary>
    public static ReadOnlySpan<byte> String(scoped ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String
            ? Current(ref reader)
            : throw new WireFormatException($"{field} is {reader.TokenType}, not a string");
    }

    /// <summary>Returns the text of the current string (unescaped) or number token.</summary>
    public static ReadOnlySpan<byte> Current(scoped ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    /// <summary>Moves to the value of the current property and returns a boolean.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new WireFormatException($"{field} is {reader.TokenType}, not a boolean"),
        };
    }

    /// <summary>Moves to the value of the current property, skips it and returns where it starts in the frame.</summary>
    public static int SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start;
    }

    /// <summary>Reads the next token and requires it to be <paramref name="expected"/>.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw new WireFormatException($"{what} is {(reader.TokenType == JsonTokenType.None ? "missing" : reader.TokenType.ToString())}, not {expected}");
        }
    }

    /// <summary>After a loop over the objects of an array, requires that it ended at the array's end, not at another kind of element.</summary>
    public static void EndOfObjects(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new WireFormatException($"{what} is {reader.TokenType}, not an object");
        }
    }

    /// <summary>Requires that nothing but white space follows the top-level value (the reader throws on anything else).</summary>
    public static void ExpectEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new WireFormatException("more than one JSON value in the frame");
        }
    }

    /// <summary>Returns a reader positioned before the value that starts at <paramref name="start"/> of the frame.</summary>
    public static Utf8JsonReader At(ReadOnlySpan<byte> frame, int start) => new(frame[start..]);

    /// <summary>Returns the JSON text of the value that starts at <paramref name="start"/>, for log details.</summary>
    public static string RawValue(ReadOnlySpan<byte> frame, int start)
    {
        var reader = At(frame, start);
        reader.Read();
        reader.Skip();
        return Encoding.UTF8.GetString(frame.Slice(start, (int)reader.BytesConsumed));
    }

    /// <summary>Returns UTF-8 text as a string.</summary>
    public static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    /// <summary>Returns the first 200 characters of a frame for a <see cref="Malformed"/> sample.</summary>
    public static string Sample(ReadOnlySpan<byte> frame)
    {
        var text = Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, SampleChars * 4)]);
        if (text.Length <= SampleChars)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[SampleChars - 1]) ? SampleChars - 1 : SampleChars;
        return text[..cut];
    }

    /// <summary>Returns the compact JSON text <paramref name="write"/> produces (subscribe frames).</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="name"/> as an array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
