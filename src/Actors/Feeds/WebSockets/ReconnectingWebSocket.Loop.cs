using System.Net.WebSockets;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>The connection loop: connect, run OnConnected, serve, classify the end, back off, repeat.</summary>
public sealed partial class ReconnectingWebSocket
{
    private async Task RunAsync()
    {
        try
        {
            await LoopAsync(_lifetime.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopped while connecting or backing off: whatever the cancelled step threw, the loop is done.
        catch (Exception) when (_lifetime.IsCancellationRequested)
#pragma warning restore CA1031
        {
        }
        finally
        {
            _isConnected = false;
            _firstAttempt.TrySetResult();
        }
    }

    private async Task LoopAsync(CancellationToken lifetime)
    {
        var type = ReconnectionType.Initial;
        var failures = 0;
        var attempt = 0;
        var downSince = _time.GetTimestamp();
        while (!lifetime.IsCancellationRequested)
        {
            attempt++;
            WebSocketConnection connection;
            try
            {
                connection = await OpenAsync(lifetime).ConfigureAwait(false);
            }
            catch (Exception ex) when (!lifetime.IsCancellationRequested)
            {
                _firstAttempt.TrySetResult();
                _disconnections.OnNext(new DisconnectionInfo(DisconnectionType.Error, null, null, ex));
                failures++;
                if (await BackOffAsync(_backoff.Delay(failures), lifetime).ConfigureAwait(false))
                {
                    type = ReconnectionType.ByUser;
                }

                continue;
            }

            var ended = await ServeAsync(connection, new ReconnectionInfo(type, attempt, _time.GetElapsedTime(downSince, connection.OpenedAt)))
                .ConfigureAwait(false);
            var stable = _time.GetElapsedTime(connection.OpenedAt) >= _options.StableConnectionTime;
            Volatile.Write(ref _connection, null);
            await connection.DisposeAsync().ConfigureAwait(false);
            _disconnections.OnNext(ended);
            if (ended.Type == DisconnectionType.Exit)
            {
                return;
            }

            failures = stable ? 0 : failures + 1;
            type = ReconnectionTypeAfter(ended.Type);
            attempt = 0;
            downSince = _time.GetTimestamp();
            if (type != ReconnectionType.ByUser && failures > 0
                && await BackOffAsync(_backoff.Delay(failures), lifetime).ConfigureAwait(false))
            {
                type = ReconnectionType.ByUser;
            }
        }
    }

    /// <summary>Connects one client socket and runs OnConnected on it; throws on any failure, having cleaned up.</summary>
    private async Task<WebSocketConnection> OpenAsync(CancellationToken lifetime)
    {
        var socket = _options.ClientFactory?.Invoke() ?? new ClientWebSocket();
        WebSocketConnection? connection = null;
        try
        {
            socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
            if (_options.KeepAliveTimeout is { } keepAliveTimeout)
            {
                socket.Options.KeepAliveTimeout = keepAliveTimeout;
            }

            _options.ConfigureClient?.Invoke(socket.Options);
            await WithTimeoutAsync(token => socket.ConnectAsync(_uri, token), lifetime, "connect").ConfigureAwait(false);
            connection = new WebSocketConnection(socket, _time.GetTimestamp(), lifetime);
            Volatile.Write(ref _connection, connection);
            if (OnConnected is { } onConnected)
            {
                await WithTimeoutAsync(onConnected, connection.Token, "OnConnected").ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            Volatile.Write(ref _connection, null);
            if (connection is null)
            {
                socket.Dispose();
            }
            else
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Runs <paramref name="step"/> for at most ConnectTimeout, turning the timeout into a <see cref="TimeoutException"/>.</summary>
    private async Task WithTimeoutAsync(Func<CancellationToken, Task> step, CancellationToken token, string what)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            await step(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} to {_uri} took longer than {_options.ConnectTimeout}.", ex);
        }
    }

    /// <summary>Waits <paramref name="delay"/>; returns true when <see cref="ReconnectAsync"/> cut the wait short.</summary>
    private async Task<bool> BackOffAsync(TimeSpan delay, CancellationToken lifetime)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        Volatile.Write(ref _backoffWake, wake);
        try
        {
            await Task.Delay(delay, _time, wake.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (!lifetime.IsCancellationRequested)
        {
            return true;
        }
        finally
        {
            Interlocked.CompareExchange(ref _backoffWake, null, wake);
        }
    }

    private static ReconnectionType ReconnectionTypeAfter(DisconnectionType type) => type switch
    {
        DisconnectionType.NoMessageReceived => ReconnectionType.NoMessageReceived,
        DisconnectionType.ByUser => ReconnectionType.ByUser,
        DisconnectionType.Error => ReconnectionType.Error,
        _ => ReconnectionType.Lost,
    };
}
