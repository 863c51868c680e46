using Npgsql;

namespace ActorArb.Actors.Persistence.Projections;

/// <summary>
/// A read model kept in PostgreSQL tables from the event log. A <see cref="ProjectionRunner"/> creates its tables,
/// hands it the events in position order, a page at a time, each page inside one transaction that also moves the
/// projection's checkpoint, so the rows and the checkpoint always agree: each event takes effect exactly once.
/// </summary>
public interface IProjection
{
    /// <summary>
    /// Gets the projection's name: its checkpoint's key in <c>projection_checkpoints</c>, stable across releases and
    /// unique within a schema.
    /// </summary>
    string Name { get; }

    /// <summary>
    /// Creates the projection's tables in <paramref name="schema"/> when they are missing. It runs inside a
    /// transaction on <paramref name="connection"/> that holds the schema's projection lock, on every start, so it
    /// must be idempotent (<c>create table if not exists</c>).
    /// </summary>
    Task CreateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="events"/> (in position order, none seen before) to the tables in
    /// <paramref name="schema"/> through <paramref name="connection"/>, whose open transaction the runner commits
    /// together with the checkpoint. Events the projection does not follow are passed over.
    /// </summary>
    Task ApplyAsync(NpgsqlConnection connection, string schema, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
