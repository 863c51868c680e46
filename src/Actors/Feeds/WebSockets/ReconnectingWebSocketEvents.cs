using System.Net.WebSockets;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>Says why a <see cref="ReconnectingWebSocket"/> (re)established its connection.</summary>
public enum ReconnectionType
{
    /// <summary>The first connection after <see cref="ReconnectingWebSocket.StartAsync"/>.</summary>
    Initial,

    /// <summary>The previous connection dropped: the server closed it or the transport broke.</summary>
    Lost,

    /// <summary>The previous connection was closed because no message arrived within the no-message timeout.</summary>
    NoMessageReceived,

    /// <summary>The previous connection failed: OnConnected threw, a message was too big, or something unexpected happened.</summary>
    Error,

    /// <summary>The user asked for it through <see cref="ReconnectingWebSocket.ReconnectAsync"/>.</summary>
    ByUser,
}

/// <summary>Says why a <see cref="ReconnectingWebSocket"/> lost or gave up a connection (or a connection attempt).</summary>
public enum DisconnectionType
{
    /// <summary>The socket was stopped or disposed; it will not reconnect.</summary>
    Exit,

    /// <summary>The transport broke without a close handshake (reset, abort, end of stream).</summary>
    Lost,

    /// <summary>The server sent a close frame; the status and description are the server's.</summary>
    ByServer,

    /// <summary>No message arrived within the no-message timeout, so the socket dropped the connection.</summary>
    NoMessageReceived,

    /// <summary>A connection attempt failed, OnConnected failed, or the connection failed for another reason.</summary>
    Error,

    /// <summary>The user asked for a reconnect through <see cref="ReconnectingWebSocket.ReconnectAsync"/>.</summary>
    ByUser,
}

/// <summary>
/// Reports a connection that is open and ready: <paramref name="Attempt"/> is how many connection attempts it took
/// since the previous connection ended (1 when the first try succeeded), and <paramref name="Downtime"/> is the time
/// from the end of the previous connection (or from the start) until the socket opened.
/// </summary>
public sealed record ReconnectionInfo(ReconnectionType Type, int Attempt, TimeSpan Downtime);

/// <summary>
/// Reports the end of a connection or a failed connection attempt: the close <paramref name="Status"/> and
/// <paramref name="Description"/> when a close handshake took place, and the <paramref name="Error"/> when one caused it.
/// </summary>
public sealed record DisconnectionInfo(
    DisconnectionType Type,
    WebSocketCloseStatus? Status,
    string? Description,
    Exception? Error);
