namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Messages and state of the <see cref="LedgerActor"/>, the persistent actor the specs drive.</summary>
public static class Ledger
{
    /// <summary>Deposits <paramref name="Amount"/> as deposit number <paramref name="Index"/>; a known index is acknowledged again, not re-applied.</summary>
    public sealed record Deposit(int Index, long Amount);

    /// <summary>Deposits each amount with its own <c>Persist</c> call, all in one command.</summary>
    public sealed record DepositEach(int FirstIndex, long[] Amounts);

    /// <summary>Deposits the amounts with one <c>PersistAll</c> call.</summary>
    public sealed record DepositAll(int FirstIndex, long[] Amounts);

    /// <summary>Deposits the amounts with one <c>PersistAll</c> call, then answers <see cref="Reported"/> from a deferred action.</summary>
    public sealed record DepositAllThenReport(int FirstIndex, long[] Amounts);

    /// <summary>What a deferred action saw: the version and the balance once the deposits before it were handled.</summary>
    public sealed record Reported(long SequenceNr, long Balance);

    /// <summary>Asks for the <see cref="State"/>.</summary>
    public sealed record GetState;

    /// <summary>Makes the command handler throw.</summary>
    public sealed record Crash(string Reason);

    /// <summary>The event: deposit <paramref name="Index"/> of <paramref name="Amount"/> was accepted.</summary>
    public sealed record Deposited(int Index, long Amount);

    /// <summary>The reply to a deposit, sent by its persist handler (or at once for a known index).</summary>
    public sealed record Ack(int Index, long SequenceNr, long Balance);

    /// <summary>Told to the monitor when recovery completes: what was replayed and from which snapshot.</summary>
    public sealed record Recovered(long LastSequenceNr, State State, int Replayed, long? SnapshotVersion);

    /// <summary>Told to the monitor from <c>OnPersistFailure</c> before the failure is rethrown.</summary>
    public sealed record PersistFailed(Exception Cause, object Event);

    /// <summary>
    /// The ledger's state: the next deposit index, the balance, and a checksum that depends on the order of the
    /// deposits, so a replay out of order or twice is seen.
    /// </summary>
    public sealed record State(int NextIndex, long Balance, long Checksum)
    {
        /// <summary>Gets the state of an empty ledger.</summary>
        public static State Empty { get; } = new(0, 0, 17);

        /// <summary>Returns the state after <paramref name="deposited"/>.</summary>
        public State Apply(Deposited deposited) =>
            new(deposited.Index + 1, Balance + deposited.Amount, unchecked((Checksum * 31) + (deposited.Index * 7) + deposited.Amount));

        /// <summary>Returns the state after the deposits of <paramref name="amounts"/> numbered from <paramref name="firstIndex"/>.</summary>
        public State ApplyAll(int firstIndex, IEnumerable<long> amounts) =>
            amounts.Select((amount, i) => new Deposited(firstIndex + i, amount)).Aggregate(this, (s, e) => s.Apply(e));
    }
}
