using System.Buffers;
using System.Net.WebSockets;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>Serving one open connection: the receive loop, the no-message watchdog and the application ping.</summary>
public sealed partial class ReconnectingWebSocket
{
    /// <summary>Announces the connection, serves it until it ends, and returns how it ended; never throws.</summary>
    private async Task<DisconnectionInfo> ServeAsync(WebSocketConnection connection, ReconnectionInfo info)
    {
        _isConnected = true;
        if (info.Type != ReconnectionType.Initial)
        {
            Interlocked.Increment(ref _reconnectCount);
        }

        _reconnections.OnNext(info);
        _firstAttempt.TrySetResult();

        var watchdog = _options.NoMessageTimeout is { } timeout ? WatchAsync(connection, timeout) : Task.CompletedTask;
        var pinger = _options.ApplicationPingInterval is { } interval ? PingAsync(connection, interval, _options.ApplicationPing!) : Task.CompletedTask;
        var ended = await ReceiveAsync(connection).ConfigureAwait(false);
        _isConnected = false;
        connection.ReceiveEnded.TrySetResult();
        connection.Abort();
        await Task.WhenAll(watchdog, pinger).ConfigureAwait(false);
        return ended;
    }

    private async Task<DisconnectionInfo> ReceiveAsync(WebSocketConnection connection)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ReceiveBufferSize);
        var receive = buffer.AsMemory(0, _options.ReceiveBufferSize);

        // Only messages longer than one read are assembled here; the common short message is copied straight out.
        ArrayBufferWriter<byte>? assembly = null;
        try
        {
            while (true)
            {
                var result = await connection.Socket.ReceiveAsync(receive, connection.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return await OnCloseFrameAsync(connection).ConfigureAwait(false);
                }

                byte[] payload;
                if (result.EndOfMessage && (assembly is null || assembly.WrittenCount == 0))
                {
                    payload = receive.Span[..result.Count].ToArray();
                }
                else
                {
                    assembly ??= new ArrayBufferWriter<byte>(_options.ReceiveBufferSize * 2);
                    if (assembly.WrittenCount + result.Count > _options.MaxMessageSize)
                    {
                        return new DisconnectionInfo(DisconnectionType.Error, null, null, new InvalidDataException(
                            $"A message from {_uri} exceeded MaxMessageSize ({_options.MaxMessageSize} bytes)."));
                    }

                    assembly.Write(receive.Span[..result.Count]);
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }

                    payload = assembly.WrittenSpan.ToArray();
                    assembly.ResetWrittenCount();
                }

                Deliver(connection, new WebSocketMessage(result.MessageType, payload, _time.GetUtcNow().ToUnixTimeMilliseconds()));
            }
        }
#pragma warning disable CA1031 // Every way a connection can fail is reported as a disconnection, never thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Classify(connection, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Deliver(WebSocketConnection connection, WebSocketMessage message)
    {
        connection.LastActivity = _time.GetTimestamp();
        Interlocked.Increment(ref _messagesReceived);
        Interlocked.Exchange(ref _lastMessageAtMs, message.ReceivedAtMs);
        _messages.OnNext(message);
    }

    /// <summary>
    /// Handles a close frame: the answer to our own close ends the connection as we asked; a close the server started
    /// is answered (completing its handshake) and reported with the server's status and description.
    /// </summary>
    private async Task<DisconnectionInfo> OnCloseFrameAsync(WebSocketConnection connection)
    {
        if (connection.RequestedClose is { } requested)
        {
            return new DisconnectionInfo(requested.Type, requested.Status, requested.Description, null);
        }

        var status = connection.Socket.CloseStatus;
        var description = connection.Socket.CloseStatusDescription;
        using var deadline = new CancellationTokenSource(_options.CloseTimeout, _time);
        try
        {
            await connection.SendCloseAsync(status ?? WebSocketCloseStatus.NormalClosure, description, deadline.Token)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The server is gone either way; a failed answer changes nothing we report.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return new DisconnectionInfo(DisconnectionType.ByServer, status, description, null);
    }

    private DisconnectionInfo Classify(WebSocketConnection connection, Exception error)
    {
        if (connection.RequestedClose is { } requested)
        {
            return new DisconnectionInfo(requested.Type, requested.Status, requested.Description, null);
        }

        if (_lifetime.IsCancellationRequested)
        {
            return new DisconnectionInfo(DisconnectionType.Exit, null, null, null);
        }

        var type = error is WebSocketException or IOException ? DisconnectionType.Lost : DisconnectionType.Error;
        return new DisconnectionInfo(type, null, null, error);
    }

    /// <summary>Drops the connection once no message has arrived for <paramref name="timeout"/>.</summary>
    private async Task WatchAsync(WebSocketConnection connection, TimeSpan timeout)
    {
        try
        {
            while (true)
            {
                // Messages only stamp LastActivity; the watchdog re-arms for the remaining time, so a busy feed costs
                // no timer operation per message.
                var remaining = timeout - _time.GetElapsedTime(connection.LastActivity);
                if (remaining <= TimeSpan.Zero)
                {
                    connection.RequestClose(new WebSocketConnection.CloseRequest(
                        DisconnectionType.NoMessageReceived, null, $"No message received within {timeout}."));
                    connection.Abort();
                    return;
                }

                await Task.Delay(remaining, _time, connection.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    /// <summary>Sends the application ping every <paramref name="interval"/> while the connection lives.</summary>
    private async Task PingAsync(WebSocketConnection connection, TimeSpan interval, string ping)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, _time);
            while (await timer.WaitForNextTickAsync(connection.Token).ConfigureAwait(false))
            {
                await connection.SendTextAsync(ping, connection.Token).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A ping fails only when the connection does; the receive loop reports why.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
