using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ActorArb.Actors.Tests.Simulator;

/// <summary>
/// A plain ClientWebSocket for the simulator specs: a background loop reads every message into a queue, so a spec can
/// wait for the next message with a timeout without cancelling (and so aborting) a receive.
/// </summary>
internal sealed class WireClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly Channel<string> messages = Channel.CreateUnbounded<string>();
    private Task reading = Task.CompletedTask;

    /// <summary>Gets the exception that ended the read loop (an abort), or null while open or after a clean close.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Gets the close status the server sent, if it closed cleanly.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public static async Task<WireClient> ConnectAsync(Uri uri)
    {
        var client = new WireClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.socket.ConnectAsync(uri, timeout.Token);
        client.reading = client.ReadAsync();
        return client;
    }

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Returns the next message, or null when none comes within <paramref name="timeout"/> or the connection ended.</summary>
    public async Task<string?> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await messages.Reader.WaitToReadAsync(cancel.Token) && messages.Reader.TryRead(out var message) ? message : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Returns the next message; fails the spec when none comes within 5 s.</summary>
    public async Task<string> NextAsync() =>
        await NextAsync(TimeSpan.FromSeconds(5)) ?? throw new Xunit.Sdk.XunitException("no message within 5 s");

    /// <summary>Returns the next message containing <paramref name="marker"/>, skipping others; fails the spec after 5 s.</summary>
    public async Task<string> NextContainingAsync(string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (await NextAsync(deadline - DateTime.UtcNow) is { } message && message.Contains(marker, StringComparison.Ordinal))
            {
                return message;
            }
        }

        throw new Xunit.Sdk.XunitException($"no message containing {marker} within 5 s");
    }

    /// <summary>Returns the next <paramref name="count"/> messages; fails the spec when they do not come within 10 s.</summary>
    public async Task<List<string>> TakeAsync(int count)
    {
        var taken = new List<string>(count);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (taken.Count < count)
        {
            var message = await NextAsync(deadline - DateTime.UtcNow)
                ?? throw new Xunit.Sdk.XunitException($"got {taken.Count} of {count} messages within 10 s");
            taken.Add(message);
        }

        return taken;
    }

    /// <summary>Waits until the read loop ends (the server closed or aborted) and returns true, or false after <paramref name="timeout"/>.</summary>
    public async Task<bool> EndedWithinAsync(TimeSpan timeout) => await Task.WhenAny(reading, Task.Delay(timeout)) == reading;

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        await reading;
        socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    messages.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            Failure = error;
        }
        finally
        {
            messages.Writer.TryComplete();
        }
    }
}
