namespace ActorArb.Simulator;

/// <summary>Commands for tests and operators: faults, stalls, drops, malformed messages, and the clock.</summary>
public sealed partial class ExchangeSimulator
{
    /// <summary>
    /// Gets or sets the faults in force; thread-safe (readers see either the old or the new settings whole). New
    /// settings apply from the next message, request or fault-clock tick.
    /// </summary>
    /// <exception cref="ArgumentException">The new settings are invalid.</exception>
    public SimulatorFaults Faults
    {
        get => state.Faults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            state.Faults = value;
        }
    }

    /// <summary>Gets whether the market clock is stopped.</summary>
    public bool IsPaused => playback.IsPaused;

    /// <summary>Aborts every open WebSocket connection (of one flavour, when given) without a close frame; returns how many.</summary>
    public int DropConnections(string? flavour = null)
    {
        var dropped = 0;
        foreach (var session in state.Sessions.Values)
        {
            if (flavour is null || session.Flavour == flavour)
            {
                session.Drop();
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Stops every connection sending (trades, heartbeats, acks) for <paramref name="duration"/>, without closing it.</summary>
    public void Stall(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        state.StallFor(duration);
    }

    /// <summary>
    /// Adds <paramref name="count"/> malformed messages (truncated, garbage, unknown type) to every open connection's
    /// stream, in addition to its valid messages: spread one after each trade message, or all at once.
    /// </summary>
    public void InjectMalformed(int count, bool spread = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        foreach (var session in state.Sessions.Values)
        {
            session.AddMalformed(count, spread);
        }
    }

    /// <summary>
    /// Completes once every open connection has sent everything queued for it (trades published, malformed messages,
    /// heartbeats so far), so the counters then match what the clients received; heartbeats keep coming afterwards.
    /// </summary>
    public async Task WhenSentAsync(CancellationToken cancellationToken = default)
    {
        while (!state.Sessions.Values.All(session => session.IsIdle))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), state.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the market clock; connections stay open and heartbeats go on.</summary>
    public void Pause() => playback.Pause();

    /// <summary>Starts the market clock, or restarts it where it stopped.</summary>
    public void Resume() => playback.Resume();

    /// <summary>Publishes the next <paramref name="count"/> ticks now, while paused, and returns how many there were.</summary>
    /// <exception cref="InvalidOperationException">The clock is running.</exception>
    public int Step(int count) => playback.Step(count);
}
