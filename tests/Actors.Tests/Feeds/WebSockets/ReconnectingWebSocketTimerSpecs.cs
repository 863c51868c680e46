using System.Threading.Channels;
using ActorArb.Actors.Feeds.WebSockets;
using static ActorArb.Actors.Tests.Feeds.WebSockets.ClientEvents;
using static ActorArb.Actors.Tests.Feeds.WebSockets.ReconnectingWebSocketReconnectSpecs;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

/// <summary>The no-message timeout and the application ping, on a manual clock over a real connection.</summary>
public sealed class ReconnectingWebSocketTimerSpecs
{
    [Fact]
    public async Task ReconnectingWebSocket_should_reconnect_when_no_message_arrives_within_the_timeout()
    {
        var time = new ManualTimeProvider();
        var outbox = Channel.CreateUnbounded<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            if (c.Number == 1)
            {
                await foreach (var text in outbox.Reader.ReadAllAsync(c.Stopping))
                {
                    await c.SendTextAsync(text);
                }
            }

            await c.ReceiveUntilClosedAsync();
        });

        // The defaults: a 30 s no-message timeout and a 10 s stable time, on the manual clock.
        await using var socket = new ReconnectingWebSocket(server.Uri, new ReconnectingWebSocketOptions { JitterSeed = 1 }, time);
        using var events = new ClientEvents(socket);
        await socket.StartAsync();
        await time.WaitForArmedTimersAsync(1);

        time.Advance(TimeSpan.FromSeconds(20));
        await outbox.Writer.WriteAsync("tick");
        await events.MessageAsync("tick");
        time.Advance(TimeSpan.FromSeconds(15));
        await time.WaitForArmedTimersAsync(1);
        await outbox.Writer.WriteAsync("tock");
        await events.MessageAsync("tock");
        time.Advance(TimeSpan.FromSeconds(29));
        await time.WaitForArmedTimersAsync(1);

        // 64 s after connecting, but each message restarted the 30 s wait.
        Assert.Empty(Snapshot(events.Disconnections));
        Assert.Equal(time.GetUtcNow().AddSeconds(-29).ToUnixTimeMilliseconds(), socket.LastMessageAtMs);

        time.Advance(TimeSpan.FromSeconds(2));
        var silent = await events.DisconnectionAsync(DisconnectionType.NoMessageReceived);
        var reconnected = await events.ReconnectionAsync(ReconnectionType.NoMessageReceived);

        Assert.Null(silent.Error);

        // The connection had been stable, so the reconnect went out at once: no time passed on the manual clock.
        Assert.Equal(new ReconnectionInfo(ReconnectionType.NoMessageReceived, 1, TimeSpan.Zero), reconnected);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ReconnectingWebSocket_should_send_the_application_ping_on_schedule()
    {
        const string ping = "{\"method\":\"ping\"}";
        var time = new ManualTimeProvider();
        await using var server = await LoopbackWebSocketServer.StartAsync(c => c.ReceiveUntilClosedAsync());
        var options = Fast with { ApplicationPingInterval = TimeSpan.FromSeconds(20), ApplicationPing = ping };
        await using var socket = Subscribing(server.Uri, options, time);
        await socket.StartAsync();
        await NextAsync(server.Received, f => f.Text == "subscribe");
        await time.WaitForArmedTimersAsync(1);

        time.Advance(TimeSpan.FromSeconds(20));
        await NextAsync(server.Received, f => f.Text == ping);
        time.Advance(TimeSpan.FromSeconds(19));
        time.Advance(TimeSpan.FromSeconds(1));
        await NextAsync(server.Received, f => f.Text == ping, nth: 2);

        // Sends share one writer, in order: an early or extra ping would show up before the marker.
        await socket.SendAsync("marker");
        await NextAsync(server.Received, f => f.Text == "marker");

        Assert.Equal(["subscribe", ping, ping, "marker"], Snapshot(server.Received).Select(f => f.Text));
    }
}
