using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Persistence;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>
/// A deposit ledger built on <see cref="PersistentActor"/>: commands persist <see cref="Ledger.Deposited"/> events, the
/// state is their fold, and its lifecycle (recovery, persist failures) is reported to a monitor.
/// </summary>
internal sealed class LedgerActor(string persistenceId, IEventStore journal, ISnapshotStore? snapshots, int snapshotEvery, IActorRef monitor, Recovery? recovery = null, Ledger.State? restored = null)
    : PersistentActor(journal, snapshots, snapshotEvery, recovery)
{
    private Ledger.State _state = restored ?? Ledger.State.Empty;
    private int _replayed;
    private long? _snapshotVersion;
    private bool _recovered;

    public override string PersistenceId => persistenceId;

    public static Props Props(string persistenceId, IEventStore journal, IActorRef monitor, ISnapshotStore? snapshots = null, int snapshotEvery = 0) =>
        ActorArb.Actors.Runtime.Props.Create(() => new LedgerActor(persistenceId, journal, snapshots, snapshotEvery, monitor));

    /// <summary>Returns the props of a ledger whose owner restored <paramref name="state"/> as of <paramref name="version"/>.</summary>
    public static Props Restored(string persistenceId, IEventStore journal, IActorRef monitor, long version, Ledger.State state) =>
        ActorArb.Actors.Runtime.Props.Create(() => new LedgerActor(persistenceId, journal, null, 0, monitor, Recovery.Restored(version), state));

    protected override void Recover(object @event)
    {
        _state = @event is Ledger.Deposited deposited
            ? _state.Apply(deposited)
            : throw new InvalidOperationException($"the ledger cannot apply {@event}");
        _replayed += _recovered ? 0 : 1;
    }

    protected override void RecoverSnapshot(object state)
    {
        _state = (Ledger.State)state;
        _snapshotVersion = LastSequenceNr;
    }

    protected override object? SnapshotState() => _state;

    protected override void OnRecoveryCompleted()
    {
        _recovered = true;
        monitor.Tell(new Ledger.Recovered(LastSequenceNr, _state, _replayed, _snapshotVersion), Self);
    }

    protected override void OnPersistFailure(Exception cause, object @event)
    {
        monitor.Tell(new Ledger.PersistFailed(cause, @event), Self);
        base.OnPersistFailure(cause, @event);
    }

    protected override void Command(object message)
    {
        switch (message)
        {
            case Ledger.Deposit deposit when deposit.Index < _state.NextIndex:
                Sender.Tell(new Ledger.Ack(deposit.Index, LastSequenceNr, _state.Balance), Self);
                break;
            case Ledger.Deposit deposit:
                Persist(new Ledger.Deposited(deposit.Index, deposit.Amount), Acknowledge);
                break;
            case Ledger.DepositEach each:
                for (var i = 0; i < each.Amounts.Length; i++)
                {
                    Persist(new Ledger.Deposited(each.FirstIndex + i, each.Amounts[i]), Acknowledge);
                }

                break;
            case Ledger.DepositAll all:
                PersistAll(all.Amounts.Select((amount, i) => new Ledger.Deposited(all.FirstIndex + i, amount)).ToArray(), Acknowledge);
                break;
            case Ledger.DepositAllThenReport all:
                var sender = Sender;
                PersistAll(all.Amounts.Select((amount, i) => new Ledger.Deposited(all.FirstIndex + i, amount)).ToArray(), Acknowledge);
                Defer(() => sender.Tell(new Ledger.Reported(LastSequenceNr, _state.Balance), Self));
                break;
            case Ledger.GetState:
                Sender.Tell(_state, Self);
                break;
            case Ledger.Crash crash:
                throw new InvalidOperationException(crash.Reason);
            default:
                Unhandled(message);
                break;
        }
    }

    private void Acknowledge(Ledger.Deposited deposited) =>
        Sender.Tell(new Ledger.Ack(deposited.Index, LastSequenceNr, _state.Balance), Self);
}
