using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// Splits a grid into chunks and keeps every worker pool busy: each pool gets chunks of its own size (small for the
/// CPU router, large for a GPU) up to its in-flight limit, and the next one as soon as a result comes back, so
/// faster pools take more of the grid. Results stream in as progress; a chunk a pool fails is moved to another pool
/// and the failing pool is dropped (a GPU that faults hands the rest to the CPUs); when no pool is left it reports
/// <see cref="OptimizerProtocol.Failed"/>. On <see cref="OptimizerProtocol.Cancel"/>
/// it stops handing out chunks and finishes with the ones done. It reports to <c>replyTo</c> and then stops.
/// </summary>
/// <typeparam name="TGrid">The grid.</typeparam>
/// <typeparam name="TResult">What one combination gives.</typeparam>
public sealed class OptimizerCoordinator<TGrid, TResult> : ReceiveActor
    where TGrid : IOptimizationGrid
{
    private readonly TGrid _grid;
    private readonly List<WorkerPool> _pools;
    private readonly IActorRef _replyTo;
    private readonly TResult[] _results;
    private readonly bool[] _done;
    private readonly Dictionary<int, (WorkerPool Pool, int Count)> _inFlight = [];
    private readonly Dictionary<string, int> _byWorker = new(StringComparer.Ordinal);
    private readonly Queue<(int Offset, int Count)> _retry = new();
    private readonly List<string> _failures = [];
    private int _cursor;
    private int _evaluated;
    private bool _cancelled;

    private OptimizerCoordinator(TGrid grid, IReadOnlyList<WorkerPool> pools, IActorRef replyTo)
    {
        _grid = grid;
        _pools = [.. pools];
        _replyTo = replyTo;
        _results = new TResult[grid.Count];
        _done = new bool[grid.Count];
        Receive<OptimizerProtocol.ChunkEvaluated<TResult>>(Handle);
        Receive<OptimizerProtocol.ChunkFailed>(Handle);
        Receive<OptimizerProtocol.Cancel>(_ =>
        {
            _cancelled = true;
            FinishIfIdle();
        });
    }

    /// <summary>Returns the props of a coordinator that evaluates <paramref name="grid"/> on <paramref name="pools"/> and reports to <paramref name="replyTo"/>.</summary>
    public static Props Props(TGrid grid, IReadOnlyList<WorkerPool> pools, IActorRef replyTo)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(replyTo);
        if (pools.Count == 0)
        {
            throw new ArgumentException("the optimizer needs at least one worker pool", nameof(pools));
        }

        return Runtime.Props.Create(() => new OptimizerCoordinator<TGrid, TResult>(grid, pools, replyTo));
    }

    /// <inheritdoc/>
    protected override void PreStart()
    {
        foreach (var pool in _pools)
        {
            for (var i = 0; i < pool.InFlight; i++)
            {
                Dispatch(pool);
            }
        }

        FinishIfIdle();
    }

    private void Handle(OptimizerProtocol.ChunkEvaluated<TResult> chunk)
    {
        if (!_inFlight.Remove(chunk.Offset, out var sent))
        {
            return;
        }

        chunk.Results.CopyTo(_results.AsSpan(chunk.Offset));
        _done.AsSpan(chunk.Offset, chunk.Results.Length).Fill(true);
        _evaluated += chunk.Results.Length;
        _byWorker[chunk.Worker] = _byWorker.GetValueOrDefault(chunk.Worker) + chunk.Results.Length;
        _replyTo.Tell(new OptimizerProtocol.Progress(_evaluated, _grid.Count, chunk.Worker), Self);
        Dispatch(sent.Pool);
        FinishIfIdle();
    }

    private void Handle(OptimizerProtocol.ChunkFailed failed)
    {
        if (!_inFlight.Remove(failed.Offset, out var sent))
        {
            return;
        }

        _failures.Add($"{failed.Worker}: {failed.Reason}");
        _retry.Enqueue((failed.Offset, failed.Count));
        _pools.Remove(sent.Pool);
        if (_pools.Count == 0)
        {
            _replyTo.Tell(new OptimizerProtocol.Failed("every worker pool failed: " + string.Join("; ", _failures)), Self);
            Context.Stop(Self);
            return;
        }

        foreach (var pool in _pools)
        {
            Dispatch(pool);
        }
    }

    private void Dispatch(WorkerPool pool)
    {
        if (_cancelled || !_pools.Contains(pool))
        {
            return;
        }

        int offset;
        int count;
        if (_retry.TryDequeue(out var again))
        {
            (offset, count) = again;
        }
        else if (_cursor < _grid.Count)
        {
            offset = _cursor;
            count = Math.Min(pool.ChunkSize, _grid.Count - _cursor);
            _cursor += count;
        }
        else
        {
            return;
        }

        _inFlight[offset] = (pool, count);
        pool.Workers.Tell(new OptimizerProtocol.EvaluateChunk<TGrid>(_grid, offset, count), Self);
    }

    private void FinishIfIdle()
    {
        var finished = _inFlight.Count == 0 && (_cancelled || (_cursor >= _grid.Count && _retry.Count == 0));
        if (!finished)
        {
            return;
        }

        _replyTo.Tell(new OptimizerProtocol.Finished<TResult>(_results, _done, _byWorker, _cancelled && _evaluated < _grid.Count), Self);
        Context.Stop(Self);
    }
}
