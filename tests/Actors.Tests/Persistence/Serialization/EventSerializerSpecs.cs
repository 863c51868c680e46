using System.Text.Json;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Persistence.Serialization;

public sealed class EventSerializerSpecs
{
    private readonly EventSerializer _serializer = EventSerializer.Default;

    public static TheoryData<string> DomainEventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in DomainEventSamples.All().Select(EventTypeNames.Of).Distinct())
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void Samples_should_cover_every_domain_event_type()
    {
        var domainEvents = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IDomainEvent).IsAssignableFrom(t) && t.Namespace == typeof(IDomainEvent).Namespace)
            .Select(t => t.Name)
            .Order();

        Assert.Equal(domainEvents, DomainEventSamples.All().Select(EventTypeNames.Of).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(DomainEventTypes))]
    public void Serializer_should_round_trip_a_domain_event_to_an_equal_value(string type)
    {
        foreach (var e in DomainEventSamples.All().Where(e => EventTypeNames.Of(e) == type))
        {
            var json = _serializer.Serialize(e);

            Assert.Equal(e, _serializer.Deserialize(type, json));
            Assert.Equal(json, _serializer.Serialize(_serializer.Deserialize(type, json)));
        }
    }

    [Fact]
    public void Serializer_should_write_prices_as_exact_decimal_text_and_timeframes_and_instruments_as_readable_values()
    {
        var candle = (CandleClosed)DomainEventSamples.All()[0];

        using var json = JsonDocument.Parse(_serializer.Serialize(candle));
        var c = json.RootElement.GetProperty("candle");

        Assert.Equal("0.999912345", c.GetProperty("open").GetString());
        Assert.Equal("1.000000001", c.GetProperty("high").GetString());
        Assert.Equal("4h", c.GetProperty("timeframe").GetString());
        Assert.Equal("""{"exchange":"kraken","symbol":"USDC/USD"}""", c.GetProperty("instrument").GetRawText());
    }

    [Fact]
    public void Serializer_should_read_a_polymorphic_size_whose_discriminator_comes_last_as_jsonb_orders_keys()
    {
        const string Reordered = """{"side":"Buy","size":{"fraction":0.25,"$size":"all-cash"},"reason":"r","timeMs":1,"strategyId":"s","instrument":{"symbol":"USDC/USD","exchange":"kraken"},"referencePrice":"0.9973"}""";

        var intent = Assert.IsType<OrderIntent>(_serializer.Deserialize("OrderIntent", Reordered));

        Assert.Equal(new OrderSize.AllCash(0.25), intent.Size);
        Assert.Equal(new InstrumentId("kraken", "USDC/USD"), intent.Instrument);
        Assert.Equal(Price.Parse("0.9973"), intent.ReferencePrice);
    }

    [Fact]
    public void Serializer_should_refuse_a_price_with_more_precision_than_a_price_holds()
    {
        const string TenDecimals = """{"timeMs":1,"strategyId":"s","instrument":{"exchange":"k","symbol":"A/B"},"side":"Buy","size":{"$size":"all-position"},"referencePrice":"0.1234567891","reason":"r"}""";

        Assert.Throws<JsonException>(() => _serializer.Deserialize("OrderIntent", TenDecimals));
    }

    [Fact]
    public void Serializer_should_return_the_json_of_an_unregistered_type()
    {
        var payload = Assert.IsType<JsonElement>(_serializer.Deserialize("SomethingNew", """{"a":1}"""));

        Assert.Equal(1, payload.GetProperty("a").GetInt32());
    }

    [Fact]
    public void Serializer_should_round_trip_metadata_leaving_unset_fields_out()
    {
        var metadata = new EventMetadata("c", null, "node-1");

        var json = _serializer.SerializeMetadata(metadata);

        Assert.Equal("""{"correlationId":"c","sourceNode":"node-1"}""", json);
        Assert.Equal(metadata, _serializer.DeserializeMetadata(json));
    }

    [Fact]
    public void Registry_should_refuse_a_name_already_mapped_to_another_type()
    {
        var registry = EventTypeRegistry.CreateDefault().Register<string>("Test");

        Assert.True(registry.TryResolve("CandleClosed", out var candle));
        Assert.Equal(typeof(CandleClosed), candle);
        registry.Register<string>("Test");
        var e = Assert.Throws<InvalidOperationException>(() => registry.Register<int>("Test"));
        Assert.Contains("'Test'", e.Message, StringComparison.Ordinal);
    }
}
