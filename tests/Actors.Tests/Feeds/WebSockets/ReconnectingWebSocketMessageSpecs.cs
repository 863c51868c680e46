using System.Net.WebSockets;
using System.Text;
using ActorArb.Actors.Feeds.WebSockets;
using static ActorArb.Actors.Tests.Feeds.WebSockets.ClientEvents;
using static ActorArb.Actors.Tests.Feeds.WebSockets.ReconnectingWebSocketReconnectSpecs;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

/// <summary>What reaches subscribers: whole messages, after OnConnected, despite throwing subscribers.</summary>
public sealed class ReconnectingWebSocketMessageSpecs
{
    [Fact]
    public async Task MessageReceived_should_reassemble_messages_split_over_frames_and_reads()
    {
        const string json = "{\"price\":\"0.9998\",\"note\":\"é€😀\"}";
        var utf8 = Encoding.UTF8.GetBytes(json);

        // Cut inside the two-byte é and inside the four-byte emoji, so no frame is valid UTF-8 on its own.
        var cutA = Array.IndexOf(utf8, (byte)0xC3) + 1;
        var cutB = utf8.Length - 4;
        var large = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26))));
        var binary = Enumerable.Range(0, 700).Select(i => (byte)i).ToArray();
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            await c.SendFramesAsync(WebSocketMessageType.Text, utf8[..cutA], utf8[cutA..cutB], utf8[cutB..]);
            await c.SendTextAsync(large);
            await c.SendFramesAsync(WebSocketMessageType.Binary, binary[..300], binary[300..]);
            await c.ReceiveUntilClosedAsync();
        });
        await using var socket = Subscribing(server.Uri, Fast with { ReceiveBufferSize = 1024 });
        using var events = new ClientEvents(socket);

        await socket.StartAsync();
        await NextAsync(events.Messages, _ => true, nth: 3);

        // Checked after all three arrived: a message must own its bytes, not share a reused receive buffer.
        var messages = Snapshot(events.Messages);
        Assert.Equal(3, messages.Count);
        Assert.Equal(json, messages[0].Text);
        Assert.Equal(utf8, messages[0].Bytes.ToArray());
        Assert.Equal(large, messages[1].Text);
        Assert.Equal(WebSocketMessageType.Binary, messages[2].MessageType);
        Assert.Null(messages[2].Text);
        Assert.Equal(binary, messages[2].Bytes.ToArray());
        Assert.Equal(3, socket.MessagesReceived);
        Assert.Empty(Snapshot(events.Disconnections));
    }

    [Fact]
    public async Task OnConnected_should_finish_before_any_message_of_its_connection_is_surfaced()
    {
        var greetingSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            // The greeting is on the wire before the client's OnConnected returns.
            await c.SendTextAsync("greeting");
            greetingSent.SetResult();
            await c.ReceiveTextAsync();
            await c.SendTextAsync("data");
            await c.ReceiveUntilClosedAsync();
        });
        var log = new List<string>();
        await using var socket = new ReconnectingWebSocket(server.Uri, Fast);
        socket.OnConnected = async token =>
        {
            await socket.SendAsync("subscribe", token);
            await greetingSent.Task.WaitAsync(token);
            await Task.Delay(50, token);
            Append(log, "subscribed");
        };
        using var events = new ClientEvents(socket);
        using var order = socket.ReconnectionHappened.Subscribe(_ => Append(log, "connected"));
        using var messages = socket.MessageReceived.Subscribe(m => Append(log, m.Text!));

        await socket.StartAsync();
        await events.MessageAsync("data");

        lock (log)
        {
            Assert.Equal(["subscribed", "connected", "greeting", "data"], log);
        }
    }

    [Fact]
    public async Task MessageReceived_should_keep_every_subscriber_and_the_loop_alive_when_a_subscriber_throws()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            foreach (var text in new[] { "1", "2", "3" })
            {
                await c.SendTextAsync(text);
            }

            await c.ReceiveUntilClosedAsync();
        });
        await using var socket = Subscribing(server.Uri, Fast);
        var thrown = 0;
        using var faulty = socket.MessageReceived.Subscribe(_ =>
        {
            Interlocked.Increment(ref thrown);
            throw new InvalidOperationException("subscriber bug");
        });
        using var events = new ClientEvents(socket);

        await socket.StartAsync();
        await events.MessageAsync("3");

        Assert.Equal(3, Volatile.Read(ref thrown));
        Assert.Equal(3, socket.SubscriberErrors);
        Assert.Equal(["1", "2", "3"], Snapshot(events.Messages).Select(m => m.Text));
        Assert.Empty(Snapshot(events.Disconnections));
        Assert.True(socket.IsConnected);
    }

    [Fact]
    public async Task ReconnectingWebSocket_should_drop_a_message_over_MaxMessageSize_as_an_error_and_reconnect()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            await c.SendTextAsync(c.Number == 1 ? new string('x', 2000) : "small");
            await c.ReceiveUntilClosedAsync();
        });
        var options = Fast with { ReceiveBufferSize = 256, MaxMessageSize = 1024 };
        await using var socket = Subscribing(server.Uri, options);
        using var events = new ClientEvents(socket);

        await socket.StartAsync();

        Assert.IsType<InvalidDataException>((await events.DisconnectionAsync(DisconnectionType.Error)).Error);
        await events.ReconnectionAsync(ReconnectionType.Error);
        await events.MessageAsync("small");
        Assert.Equal(1, socket.MessagesReceived);
    }

    private static void Append(List<string> log, string entry)
    {
        lock (log)
        {
            log.Add(entry);
        }
    }
}
