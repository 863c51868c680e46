using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorArb.Simulator.Wire;

/// <summary>
/// Writes one JSON message at a time into a reused buffer and hands back its bytes. Property order is the writer's
/// order, so each protocol can follow its exchange's samples field by field; numbers the exchanges print as JSON
/// numbers go in as raw exact text.
/// </summary>
internal sealed class JsonFrame
{
    private static readonly JsonWriterOptions Options = new()
    {
        // The relaxed encoder leaves '+' (Go's "+0000 UTC") and other ASCII as the exchanges send it.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter writer;

    public JsonFrame() => writer = new Utf8JsonWriter(buffer, Options);

    /// <summary>Starts a new message and returns the writer for it.</summary>
    public Utf8JsonWriter Start()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>Returns the bytes of the message written since <see cref="Start"/>.</summary>
    public byte[] Finish()
    {
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Shorthands for the raw numbers and nested shapes the protocols write.</summary>
internal static class JsonWriterExtensions
{
    /// <summary>Writes a property whose value is exact numeric text.</summary>
    public static void WriteRawNumber(this Utf8JsonWriter writer, string name, string number)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(number, skipInputValidation: true);
    }

    /// <summary>Writes an array element that is exact numeric text.</summary>
    public static void WriteRawNumberValue(this Utf8JsonWriter writer, string number) =>
        writer.WriteRawValue(number, skipInputValidation: true);

    /// <summary>Writes a property holding an array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
