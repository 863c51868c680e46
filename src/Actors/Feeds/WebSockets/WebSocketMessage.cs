using System.Net.WebSockets;
using System.Text;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>
/// One complete WebSocket message (all of its frames joined). The message owns its <see cref="Bytes"/>: they are a
/// fresh array copied per message, never pooled, so a subscriber may keep them as long as it likes.
/// </summary>
public sealed class WebSocketMessage
{
    private string? _text;

    /// <summary>Creates a message over <paramref name="bytes"/>, which the message takes ownership of.</summary>
    public WebSocketMessage(WebSocketMessageType messageType, ReadOnlyMemory<byte> bytes, long receivedAtMs)
    {
        if (messageType == WebSocketMessageType.Close)
        {
            throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "A close frame is not a message.");
        }

        MessageType = messageType;
        Bytes = bytes;
        ReceivedAtMs = receivedAtMs;
    }

    /// <summary>Gets whether the message is text (UTF-8) or binary.</summary>
    public WebSocketMessageType MessageType { get; }

    /// <summary>Gets the raw payload: UTF-8 for text messages. Parsers should read these rather than <see cref="Text"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets the Unix time in milliseconds (UTC) at which the last frame of the message was received.</summary>
    public long ReceivedAtMs { get; }

    /// <summary>
    /// Gets the payload decoded as UTF-8 for a text message, or null for a binary one. It is decoded on first use and
    /// cached, so subscribers that parse <see cref="Bytes"/> never pay for the string.
    /// </summary>
    public string? Text => MessageType == WebSocketMessageType.Text ? _text ??= Encoding.UTF8.GetString(Bytes.Span) : null;

    /// <summary>Returns the text, or a short description of a binary payload.</summary>
    public override string ToString() => Text ?? $"<binary, {Bytes.Length} bytes>";
}
