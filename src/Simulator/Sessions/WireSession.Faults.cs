using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// Sending through the fault injector: stalls, duplicated, reordered and corrupted trade messages, and malformed
/// messages added to the stream. Every choice comes from the session's own generator, seeded from the options' seed
/// and the session's ordinal, and three numbers are drawn for every trade message whatever the settings, so a seed and
/// the same traffic give the same choices.
/// </summary>
internal abstract partial class WireSession
{
    /// <summary>How long a message held back for reordering waits for a successor before it goes out alone.</summary>
    private static readonly TimeSpan ReorderPatience = TimeSpan.FromMilliseconds(250);

    private static readonly byte[] GarbageAlphabet = Encoding.ASCII.GetBytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 #%&*;:=?@^|~");

    private readonly Random random;
    private int pendingMalformed;
    private Frame? held;
    private long heldSince;
    private byte[]? lastTrade;

    /// <summary>Adds <paramref name="count"/> malformed messages: spread one after each trade message, or all at once.</summary>
    public void AddMalformed(int count, bool spread)
    {
        if (spread)
        {
            Interlocked.Add(ref pendingMalformed, count);
        }
        else
        {
            Enqueue(new Outbound(OutboundKind.MalformedBurst, Count: count));
        }
    }

    private async Task FlushAsync(CancellationToken cancellation)
    {
        if (frames.Count == 0)
        {
            return;
        }

        var faults = State.Faults;
        foreach (var frame in frames)
        {
            if (frame.Kind != FrameKind.Trade)
            {
                await SendAsync(frame.Bytes, frame.Kind, cancellation).ConfigureAwait(false);
                continue;
            }

            var corrupt = random.NextDouble() < faults.CorruptFraction;
            var reorder = random.NextDouble() < faults.ReorderFraction;
            var duplicate = random.NextDouble() < faults.DuplicateFraction;
            lastTrade = frame.Bytes;
            var outgoing = frame;
            if (corrupt)
            {
                // A corrupted copy delivers no trades, so it names no feed for the written-frame callback.
                outgoing = new Frame(Corrupt(frame.Bytes), FrameKind.Trade);
                Interlocked.Increment(ref State.Stats.CorruptedMessages);
            }

            if (held is { } earlier)
            {
                held = null;
                await SendTradeAsync(outgoing, cancellation).ConfigureAwait(false);
                await SendTradeAsync(earlier, cancellation).ConfigureAwait(false);
            }
            else if (reorder)
            {
                held = outgoing;
                heldSince = State.Time.GetTimestamp();
                Interlocked.Increment(ref State.Stats.ReorderedMessages);
                continue;
            }
            else
            {
                await SendTradeAsync(outgoing, cancellation).ConfigureAwait(false);
                if (duplicate)
                {
                    await SendAsync(outgoing.Bytes, FrameKind.Trade, cancellation).ConfigureAwait(false);
                    Interlocked.Increment(ref State.Stats.DuplicatedMessages);
                }
            }

            if (Volatile.Read(ref pendingMalformed) > 0 && Interlocked.Decrement(ref pendingMalformed) >= 0)
            {
                await SendAsync(Malformed(), FrameKind.Control, cancellation).ConfigureAwait(false);
                Interlocked.Increment(ref State.Stats.MalformedMessages);
            }
        }

        frames.Clear();
    }

    /// <summary>
    /// Waits a little for a trade message to swap the held one with; once the patience is spent (heartbeats passing by
    /// do not renew it), sends the held one alone.
    /// </summary>
    private async Task AwaitSuccessorAsync(ChannelReader<Outbound> reader, CancellationToken cancellation)
    {
        var left = ReorderPatience - State.Time.GetElapsedTime(heldSince);
        if (left > TimeSpan.Zero)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var waiting = reader.WaitToReadAsync(patience.Token).AsTask();
            var timeout = Task.Delay(left, State.Time, patience.Token);
            var first = await Task.WhenAny(waiting, timeout).ConfigureAwait(false);
            await patience.CancelAsync().ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
            if (first == waiting && waiting.Result)
            {
                return;
            }
        }

        var alone = held!.Value;
        held = null;
        await SendTradeAsync(alone, cancellation).ConfigureAwait(false);
    }

    /// <summary>Sends a trade update and, when it carries a feed's trades, tells the written-frame callback.</summary>
    private async Task SendTradeAsync(Frame frame, CancellationToken cancellation)
    {
        await SendAsync(frame.Bytes, FrameKind.Trade, cancellation).ConfigureAwait(false);
        if (frame.Feed is { } feed && State.Options.OnTradeFrameWritten is { } written)
        {
            written(new TradeFrameWritten(feed.Instrument, frame.FirstOrdinal, frame.LastOrdinal, State.Time.GetTimestamp()));
        }
    }

    private async Task SendAsync(byte[] bytes, FrameKind kind, CancellationToken cancellation)
    {
        while (State.IsStalled(out var left))
        {
            await Task.Delay(left, State.Time, cancellation).ConfigureAwait(false);
        }

        await socket!.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellation).ConfigureAwait(false);
        Interlocked.Increment(ref State.Stats.MessagesSent);
        if (kind == FrameKind.Trade)
        {
            Interlocked.Increment(ref State.Stats.TradeMessagesSent);
        }
        else if (kind == FrameKind.Heartbeat)
        {
            Interlocked.Increment(ref State.Stats.HeartbeatsSent);
        }
    }

    /// <summary>Returns a damaged copy of a trade message: truncated, garbage, or an unknown type, chosen at random.</summary>
    private byte[] Corrupt(byte[] message) => random.Next(3) switch
    {
        0 => Truncate(message),
        1 => Garbage(),
        _ => UnknownTypeMessage(),
    };

    /// <summary>Returns a malformed message to add to the stream: a truncated trade message, garbage, or an unknown type.</summary>
    private byte[] Malformed() => Corrupt(lastTrade ?? UnknownTypeMessage());

    /// <summary>Cuts a message short: every proper prefix of a JSON object or array is invalid, and the text is ASCII, so it stays valid UTF-8.</summary>
    private byte[] Truncate(byte[] message) => message.Length < 2 ? Garbage() : message[..random.Next(1, message.Length)];

    private byte[] Garbage()
    {
        var bytes = new byte[random.Next(8, 65)];
        bytes[0] = (byte)'#';
        for (var i = 1; i < bytes.Length; i++)
        {
            bytes[i] = GarbageAlphabet[random.Next(GarbageAlphabet.Length)];
        }

        return bytes;
    }
}
