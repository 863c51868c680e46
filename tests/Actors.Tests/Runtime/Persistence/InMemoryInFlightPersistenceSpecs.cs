using ActorArb.Actors.Persistence;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Runs <see cref="InFlightPersistenceSpecs"/> on the in-memory store.</summary>
public sealed class InMemoryInFlightPersistenceSpecs() : InFlightPersistenceSpecs(new InMemoryEventStore(new ManualClock(1_700_000_000_000)));
