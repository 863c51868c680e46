using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Projections;
using Npgsql;

namespace ActorArb.Actors.Tests.Persistence.Projections;

/// <summary>
/// Wraps a projection and, on its <c>failOn</c>-th batch, writes the batch's rows and then fails before the
/// runner commits, as a crash or a cancellation in the middle of a page would.
/// </summary>
internal sealed class InterruptedProjection(IProjection inner, int failOn, Action<CancellationToken> interrupt) : IProjection
{
    private int _batches;

    public string Name => inner.Name;

    /// <summary>Gets the positions of the last event of each batch handed over, committed or not.</summary>
    public List<long> BatchEnds { get; } = [];

    public Task CreateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        inner.CreateAsync(connection, schema, cancellationToken);

    public async Task ApplyAsync(NpgsqlConnection connection, string schema, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        BatchEnds.Add(events[^1].Position);
        await inner.ApplyAsync(connection, schema, events, cancellationToken);
        if (++_batches == failOn)
        {
            interrupt(cancellationToken);
        }
    }
}
