namespace ActorArb.Domain.Risk;

/// <summary>Exporting and restoring the halt state and order ids for checkpoints.</summary>
public sealed partial class RiskManager
{
    /// <summary>Returns what this risk manager remembers; <see cref="Restore"/> gives back one that decides the same.</summary>
    public RiskManagerState Export() => new(_nextOrderId, [.. _reasons], _hasEquity, _lastEquity, _peak, _day, _dayStart);

    /// <summary>Returns a risk manager enforcing <paramref name="limits"/> from <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">The state does not hold one reason per halt cause, or a limit is invalid.</exception>
    public static RiskManager Restore(RiskLimits limits, RiskManagerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var risk = new RiskManager(limits, state.NextOrderId);
        // States written before a halt cause existed hold fewer reasons: the missing causes are clear.
        if (state.Reasons.Length > risk._reasons.Length)
        {
            throw new ArgumentException($"expected at most {risk._reasons.Length} halt reasons, got {state.Reasons.Length}", nameof(state));
        }

        state.Reasons.CopyTo(risk._reasons);
        risk._hasEquity = state.HasEquity;
        risk._lastEquity = state.LastEquity;
        risk._peak = state.Peak;
        risk._day = state.Day;
        risk._dayStart = state.DayStart;
        return risk;
    }
}
