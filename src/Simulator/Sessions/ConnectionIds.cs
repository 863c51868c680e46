using System.Globalization;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>Kraken's connection ids: 64-bit unsigned and, like the recorded ones, above Int64.MaxValue (a parser edge case worth keeping).</summary>
internal static class ConnectionIds
{
    /// <summary>Returns the id of session <paramref name="ordinal"/> as JSON number text, fixed for a seed.</summary>
    public static string Next(SimulatorState state, int ordinal) =>
        (OrderIds.Mix((ulong)(uint)state.SeedFor(2, ordinal)) | (1UL << 63)).ToString(CultureInfo.InvariantCulture);
}
