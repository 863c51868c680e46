using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Persistence.Serialization;

/// <summary>
/// Turns event payloads, snapshots and metadata into JSON and back with System.Text.Json. Output is
/// deterministic (declaration order, shortest round-trip doubles, no indentation), so the same event always
/// gives the same text. Prices are written as their exact decimal text (<c>"0.9973"</c>), timeframes as
/// <c>"1m"</c>/<c>"4h"</c>, instruments as <c>{"exchange":…,"symbol":…}</c>, regimes by their wire names
/// and sides by name; candle flags stay numeric because they combine. Thread-safe.
/// </summary>
public sealed class EventSerializer
{
    private readonly JsonSerializerOptions _options;
    private readonly JsonWriterOptions _writerOptions;

    /// <summary>Creates a serializer that resolves stored type names through <paramref name="registry"/>.</summary>
    public EventSerializer(EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        _options = CreateOptions();

        // The writer settings JsonSerializer uses when it writes a string itself, so both paths give the same bytes.
        _writerOptions = new JsonWriterOptions { Encoder = _options.Encoder, Indented = _options.WriteIndented, SkipValidation = true };
    }

    /// <summary>Returns a serializer over <see cref="EventTypeRegistry.CreateDefault"/>.</summary>
    public static EventSerializer Default { get; } = new(EventTypeRegistry.CreateDefault());

    /// <summary>Returns the registry that maps stored type names to CLR types.</summary>
    public EventTypeRegistry Registry { get; }

    /// <summary>Returns the options every ActorArb JSON payload is written with (a fresh, mutable copy).</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,

            // Rows written before the store kept json text were stored as jsonb, which sorts keys by length, so
            // a polymorphic discriminator such as "$size" may come back after the properties it governs.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new PriceJsonConverter());
        options.Converters.Add(new TimeframeJsonConverter());
        options.Converters.Add(new InstrumentIdJsonConverter());
        options.Converters.Add(new RegimeJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter<Side>());
        return options;
    }

    /// <summary>Returns the JSON text of <paramref name="value"/>, written as its runtime type.</summary>
    public string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, value.GetType(), _options);
    }

    /// <summary>
    /// Returns a UTF-8 JSON writer onto <paramref name="output"/> for <see cref="Serialize(Utf8JsonWriter, object)"/>,
    /// to be reset and reused by one caller at a time: bulk writers encode many payloads without a string each.
    /// </summary>
    public Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, _writerOptions);

    /// <summary>
    /// Writes the JSON of <paramref name="value"/>, as its runtime type, to <paramref name="writer"/> (one made by
    /// <see cref="CreateWriter"/>) and flushes it: exactly the UTF-8 bytes of <see cref="Serialize(object)"/>'s text.
    /// </summary>
    public void Serialize(Utf8JsonWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value, value.GetType(), _options);
        writer.Flush();
    }

    /// <summary>
    /// Returns the object that <paramref name="json"/> holds, read as the type registered under
    /// <paramref name="type"/>. An unregistered name gives a <see cref="JsonElement"/> rather than an error, so a
    /// reader older than the writer (another node, a projection) can still pass over events it does not know.
    /// </summary>
    /// <exception cref="JsonException">The text does not fit the registered type.</exception>
    public object Deserialize(string type, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!Registry.TryResolve(type, out var clr))
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        return JsonSerializer.Deserialize(json, clr, _options)
            ?? throw new JsonException($"event of type '{type}' is JSON null");
    }

    /// <summary>Returns the JSON text of event metadata; unset fields are left out.</summary>
    public string SerializeMetadata(EventMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonSerializer.Serialize(metadata, _options);
    }

    /// <summary>Returns the metadata that <paramref name="json"/> holds.</summary>
    public EventMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, _options) ?? EventMetadata.Empty;
}
