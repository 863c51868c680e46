using System.Text;
using ActorArb.Actors.Feeds.Exchanges;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

/// <summary>Every adapter turns broken frames into <see cref="Malformed"/> with a sample, and never throws.</summary>
public sealed class MalformedFrameSpecs
{
    // One valid trade frame per flavour; its every proper prefix is broken JSON.
    public static TheoryData<string, string> TradeFrames => new()
    {
        { ExchangeFlavours.Coinbase, """{"channel":"market_trades","timestamp":"2026-08-09T21:05:48.251397169Z","sequence_num":9,"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"1068572091","price":"65083.67","size":"0.01034361","time":"2026-08-09T21:05:48.167634Z","side":"SELL"}]}]}""" },
        { ExchangeFlavours.CoinbaseExchange, """{"type":"match","trade_id":1568268,"side":"sell","size":"450","price":"0.791","product_id":"SKL-USD","sequence":201390075,"time":"2021-04-17T16:43:37.121358Z"}""" },
        { ExchangeFlavours.Kraken, """{"channel":"trade","type":"update","data":[{"symbol":"MATIC/USD","side":"buy","price":0.5147,"qty":6423.46326,"ord_type":"limit","trade_id":4665846,"timestamp":"2023-09-25T07:48:36.925533Z"}]}""" },
        { ExchangeFlavours.KrakenV1, """[993,[["354.04000000","0.28245396","1618678150.826417","s","m",""]],"trade","XMR/USD"]""" },
        { ExchangeFlavours.Binance, """{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161255343,"s":"BTCUSDT","t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true,"M":true}}""" },
    };

    [Theory]
    [MemberData(nameof(TradeFrames))]
    public void Parse_should_report_every_truncation_of_a_trade_frame_as_malformed(string flavour, string frame)
    {
        var adapter = ExchangeAdapters.Create(flavour);
        var bytes = Encoding.UTF8.GetBytes(frame);

        Assert.IsType<TradesReceived>(adapter.Parse(bytes));
        for (var length = 0; length < bytes.Length; length++)
        {
            var message = adapter.Parse(bytes.AsSpan(0, length));
            var malformed = Assert.IsType<Malformed>(message);
            Assert.Equal(frame[..Math.Min(length, 200)], malformed.Sample);
        }
    }

    [Theory]
    [MemberData(nameof(TradeFrames))]
    public void Parse_should_report_trailing_garbage_and_random_bytes_as_malformed(string flavour, string frame)
    {
        var adapter = ExchangeAdapters.Create(flavour);
        var random = new Random(4);
        var noise = new byte[300];

        Assert.IsType<Malformed>(adapter.Parse(Encoding.UTF8.GetBytes(frame + "}")));
        Assert.IsType<Malformed>(adapter.Parse(Encoding.UTF8.GetBytes(frame + frame)));
        for (var i = 0; i < 1_000; i++)
        {
            random.NextBytes(noise);
            Assert.IsType<Malformed>(adapter.Parse(noise.AsSpan(0, random.Next(1, noise.Length))));
        }
    }

    [Theory]
    [MemberData(nameof(TradeFrames))]
    public void Parse_should_report_a_trade_frame_with_one_value_corrupted_as_malformed(string flavour, string frame)
    {
        var adapter = ExchangeAdapters.Create(flavour);
        (string From, string To)[] corruptions =
        [
            ("65083.67", "-65083.67"), ("0.791", "0"), ("0.5147", "\"abc\""), ("354.04000000", "354.0400000001"), ("61837.63000000", "6.1e99999"),
            ("0.01034361", "-1"), ("450", "NaN"), ("6423.46326", "true"), ("0.28245396", "x"), ("0.02000000", ""),
            ("2026-08-09T21:05:48.167634Z", "2026-02-30T21:05:48Z"), ("2021-04-17T16:43:37.121358Z", "yesterday"), ("2023-09-25T07:48:36.925533Z", "2023-09-25T07:48:36"),
            ("1618678150.826417", "1618678150.82641x"), ("1723161255342", "\"soon\""),
            ("\"SELL\"", "\"HOLD\""), ("\"sell\"", "\"x\""), ("\"buy\"", "null"), ("\"s\"", "\"q\""), ("\"m\":true", "\"m\":\"yes\""),
            ("BTC-USD", "BTCUSD?"), ("SKL-USD", ""), ("MATIC/USD", "MATIC"), ("XMR/USD", "XMR"), ("BTCUSDT", "BTCXYZ"),
        ];

        var applied = 0;
        foreach (var (from, to) in corruptions)
        {
            if (!frame.Contains(from, StringComparison.Ordinal))
            {
                continue;
            }

            applied++;
            var message = adapter.Parse(Encoding.UTF8.GetBytes(frame.Replace(from, to, StringComparison.Ordinal)));
            Assert.True(message is Malformed, $"{flavour}: {from} -> {to} gave {message}");
        }

        Assert.True(applied >= 4, $"{flavour}: only {applied} corruptions applied");
    }

    [Theory]
    [InlineData(ExchangeFlavours.Coinbase)]
    [InlineData(ExchangeFlavours.CoinbaseExchange)]
    [InlineData(ExchangeFlavours.Kraken)]
    [InlineData(ExchangeFlavours.KrakenV1)]
    [InlineData(ExchangeFlavours.Binance)]
    public void Parse_should_report_frames_that_are_no_message_of_any_protocol_as_malformed(string flavour)
    {
        var adapter = ExchangeAdapters.Create(flavour);
        string[] frames = ["", " ", "null", "42", "\"trade\"", "true", "[]", "{}", "[1,2]", "{\"a\":1}", "{\"channel\":", "{} {}", "{,}", new string('[', 10_000)];

        foreach (var frame in frames)
        {
            var message = adapter.Parse(Encoding.UTF8.GetBytes(frame));
            Assert.True(message is Malformed, $"{flavour}: {frame[..Math.Min(frame.Length, 60)]} gave {message}");
        }

        Assert.IsType<Malformed>(adapter.Parse([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]));
    }

    [Theory]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":"market_trades","events":{}}""")]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":"market_trades","events":[1]}""")]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":"market_trades","events":[{"type":"update","trades":[1]}]}""")]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":"market_trades","events":[{"type":"update","trades":{}}]}""")]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":"market_trades","events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"1","price":{},"size":"1","time":"2026-08-09T21:05:48Z","side":"BUY"}]}]}""")]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":"market_trades"}""")]
    [InlineData(ExchangeFlavours.Coinbase, """{"channel":7,"events":[]}""")]
    [InlineData(ExchangeFlavours.CoinbaseExchange, """{"type":"match","trade_id":{},"side":"sell","size":"1","price":"1","product_id":"SKL-USD","time":"2021-04-17T16:43:37Z"}""")]
    [InlineData(ExchangeFlavours.CoinbaseExchange, """{"type":"match","trade_id":1,"side":"sell","size":"1","product_id":"SKL-USD","time":"2021-04-17T16:43:37Z"}""")]
    [InlineData(ExchangeFlavours.CoinbaseExchange, """{"type":5}""")]
    [InlineData(ExchangeFlavours.Kraken, """{"channel":"trade","type":"update","data":{}}""")]
    [InlineData(ExchangeFlavours.Kraken, """{"channel":"trade","type":"update","data":[[1]]}""")]
    [InlineData(ExchangeFlavours.Kraken, """{"channel":"trade","type":"update"}""")]
    [InlineData(ExchangeFlavours.Kraken, """{"channel":"status","type":"update","data":[{}]}""")]
    [InlineData(ExchangeFlavours.Kraken, """{"method":"subscribe","success":"yes"}""")]
    [InlineData(ExchangeFlavours.KrakenV1, """[1,"x","trade","XBT/USD"]""")]
    [InlineData(ExchangeFlavours.KrakenV1, """[1,[[1]],"trade","XBT/USD"]""")]
    [InlineData(ExchangeFlavours.KrakenV1, """[1,[["1","1","1","b"]],"trade",5]""")]
    [InlineData(ExchangeFlavours.KrakenV1, """[1,[{}],"trade","XBT/USD"]""")]
    [InlineData(ExchangeFlavours.KrakenV1, """{"event":5}""")]
    [InlineData(ExchangeFlavours.Binance, """{"stream":"btcusdt@trade","data":[]}""")]
    [InlineData(ExchangeFlavours.Binance, """{"stream":"btcusdt@trade","data":"x"}""")]
    [InlineData(ExchangeFlavours.Binance, """{"e":"trade","s":"BTCUSDT"}""")]
    [InlineData(ExchangeFlavours.Binance, """{"e":"trade","s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":"yes"}""")]
    public void Parse_should_report_a_wrong_type_or_a_missing_field_as_malformed(string flavour, string frame)
    {
        var message = ExchangeAdapters.Create(flavour).Parse(Encoding.UTF8.GetBytes(frame));

        Assert.IsType<Malformed>(message);
    }
}
