using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Settings of a <see cref="PostgresEventStore"/>.</summary>
public sealed record PostgresEventStoreOptions
{
    /// <summary>
    /// Returns the PostgreSQL schema holding the store's tables: lower-case letters, digits and underscores,
    /// starting with a letter or underscore, at most 50 characters. One schema per store lets tests and
    /// several environments share one database.
    /// </summary>
    public string Schema { get; init; } = "actorarb";

    /// <summary>Returns the serializer for payloads, metadata and snapshots.</summary>
    public EventSerializer Serializer { get; init; } = EventSerializer.Default;

    /// <summary>Returns the clock that stamps appended events.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Returns how many events one read query returns at most.</summary>
    public int ReadPageSize { get; init; } = 1_000;

    /// <summary>
    /// Returns how long an operation keeps retrying after transient failures (connection refused or reset, server
    /// shutting down, serialization failures) before it gives up and throws.
    /// </summary>
    public TimeSpan TransientRetryBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Returns how long an idle subscription waits for a notification before it looks for new events anyway
    /// (a safety net: notifications are lost while a connection is down).
    /// </summary>
    public TimeSpan SubscriptionPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
