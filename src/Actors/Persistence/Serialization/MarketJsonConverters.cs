using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Actors.Persistence.Serialization;

/// <summary>Writes a <see cref="Price"/> as its exact decimal text and reads it back without floating point.</summary>
internal sealed class PriceJsonConverter : JsonConverter<Price>
{
    /// <inheritdoc />
    public override Price Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Numbers are accepted too (hand-written data); their text is parsed exactly, like strings.
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException($"a price must be a string or number, not {reader.TokenType}"),
        };
        return Price.TryParse(text, out var price) ? price : throw new JsonException($"not a price: \"{text}\"");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Price value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Writes a <see cref="Timeframe"/> as its short name (<c>1m</c>, <c>4h</c>, <c>1d</c>).</summary>
internal sealed class TimeframeJsonConverter : JsonConverter<Timeframe>
{
    /// <inheritdoc />
    public override Timeframe Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Timeframe.TryParse(reader.GetString(), out var timeframe)
            ? timeframe
            : throw new JsonException("a timeframe must be a string such as \"1m\" or \"4h\"");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Timeframe value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Writes an <see cref="InstrumentId"/> as <c>{"exchange":…,"symbol":…}</c>.</summary>
internal sealed class InstrumentIdJsonConverter : JsonConverter<InstrumentId>
{
    /// <inheritdoc />
    public override InstrumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an instrument must be an object {\"exchange\":…,\"symbol\":…}");
        }

        string? exchange = null;
        string? symbol = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "exchange":
                    exchange = reader.GetString();
                    break;
                case "symbol":
                    symbol = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return exchange is not null && symbol is not null
            ? new InstrumentId(exchange, symbol)
            : throw new JsonException("an instrument needs both \"exchange\" and \"symbol\"");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InstrumentId value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("exchange", value.Exchange);
        writer.WriteString("symbol", value.Symbol);
        writer.WriteEndObject();
    }
}

/// <summary>Writes a <see cref="Regime"/> by its wire name (<c>PEG_STABLE</c>), which survives enum renames.</summary>
internal sealed class RegimeJsonConverter : JsonConverter<Regime>
{
    /// <inheritdoc />
    public override Regime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return RegimeNames.TryParse(text, out var regime) ? regime : throw new JsonException($"not a regime: \"{text}\"");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Regime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(RegimeNames.ToWire(value));
}
