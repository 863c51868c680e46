using ActorArb.Actors.Feeds.WebSockets;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

public sealed class ReconnectingWebSocketOptionsSpecs
{
    public static TheoryData<string, ReconnectingWebSocketOptions> Invalid => new()
    {
        { "InitialBackoff", new() { InitialBackoff = TimeSpan.Zero } },
        { "MaxBackoff", new() { InitialBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(4) } },
        { "BackoffMultiplier", new() { BackoffMultiplier = 0.5 } },
        { "BackoffMultiplier", new() { BackoffMultiplier = double.NaN } },
        { "Jitter", new() { Jitter = 1 } },
        { "Jitter", new() { Jitter = -0.1 } },
        { "NoMessageTimeout", new() { NoMessageTimeout = TimeSpan.Zero } },
        { "KeepAliveInterval", new() { KeepAliveInterval = TimeSpan.FromSeconds(-1) } },
        { "ApplicationPing", new() { ApplicationPing = "ping" } },
        { "ApplicationPing", new() { ApplicationPingInterval = TimeSpan.FromSeconds(5) } },
        { "ApplicationPingInterval", new() { ApplicationPingInterval = TimeSpan.Zero, ApplicationPing = "ping" } },
        { "ConnectTimeout", new() { ConnectTimeout = TimeSpan.Zero } },
        { "CloseTimeout", new() { CloseTimeout = TimeSpan.FromSeconds(-1) } },
        { "ReceiveBufferSize", new() { ReceiveBufferSize = 100 } },
        { "MaxMessageSize", new() { ReceiveBufferSize = 4096, MaxMessageSize = 1024 } },
    };

    [Fact]
    public void Defaults_should_be_valid_and_suit_an_exchange_feed()
    {
        var options = new ReconnectingWebSocketOptions();

        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(1), options.InitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxBackoff);
        Assert.Equal(2, options.BackoffMultiplier);
        Assert.Equal(0.2, options.Jitter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.NoMessageTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Null(options.ApplicationPingInterval);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_should_name_the_setting_when_a_value_is_out_of_range(string setting, ReconnectingWebSocketOptions options)
    {
        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
        Assert.ThrowsAny<ArgumentException>(() => new ReconnectingWebSocket(new Uri("ws://127.0.0.1:1/"), options));
    }

    [Fact]
    public void ReconnectingWebSocket_should_reject_a_uri_that_is_not_a_websocket_address()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReconnectingWebSocket(new Uri("http://127.0.0.1/ws")));

        Assert.Equal("uri", error.ParamName);
    }
}
