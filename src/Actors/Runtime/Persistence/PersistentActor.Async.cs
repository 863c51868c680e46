namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>How store calls are awaited without letting another thread touch the actor's fields.</summary>
public abstract partial class PersistentActor
{
    /// <summary>
    /// Starts a store call and returns <see langword="true"/> with its outcome when the outcome is known now: the call
    /// completed synchronously, or this is a deterministic system and the driving thread waited for it. Otherwise it
    /// returns <see langword="false"/>, and <paramref name="later"/> runs with the outcome when it comes back to this
    /// actor as a message; nothing but that message touches the actor.
    /// </summary>
    private bool TryAwait<T>(Func<ValueTask<T>> start, Action<Outcome<T>> later, out Outcome<T> now)
    {
        ValueTask<T> pending;
        try
        {
            pending = start();
        }
#pragma warning disable CA1031 // A store that throws instead of returning a faulted task fails the same way.
        catch (Exception e)
#pragma warning restore CA1031
        {
            now = new Outcome<T>(default, e);
            return true;
        }

        if (pending.IsCompletedSuccessfully)
        {
            now = new Outcome<T>(pending.Result, null);
            return true;
        }

        var task = pending.AsTask();
        if (task.IsCompleted || _blocking)
        {
            now = Collect(task);
            return true;
        }

        var self = Self;
        task.ContinueWith(
            done => self.Tell(new Resumed(this, () => later(Collect(done)))),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        now = default;
        return false;
    }

    /// <summary>Runs a store call and then <paramref name="onSuccess"/> or <paramref name="onFailure"/>, now or later.</summary>
    private void Await<T>(Func<ValueTask<T>> start, Action<T> onSuccess, Action<Exception> onFailure)
    {
        void Deliver(Outcome<T> outcome)
        {
            if (outcome.Error is { } error)
            {
                onFailure(error);
            }
            else
            {
                onSuccess(outcome.Value!);
            }
        }

        if (TryAwait(start, Deliver, out var now))
        {
            Deliver(now);
        }
    }

    /// <summary>Returns the outcome of a task, waiting for it if it has not completed.</summary>
    private static Outcome<T> Collect<T>(Task<T> task)
    {
        try
        {
            return new Outcome<T>(task.GetAwaiter().GetResult(), null);
        }
#pragma warning disable CA1031 // The store's failure is the outcome, handed to the actor to decide on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Outcome<T>(default, e);
        }
    }

    /// <summary>Adapts a call without a result to <see cref="Await{T}"/>; it stays synchronous when the call is.</summary>
    private static async ValueTask<bool> Completion(ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        return true;
    }

    /// <summary>The outcome of a store call: a value, or the exception it failed with.</summary>
    private readonly record struct Outcome<T>(T? Value, Exception? Error);

    /// <summary>The outcome of a store call, come back to the instance that made it.</summary>
    private sealed record Resumed(PersistentActor Owner, Action Continue);
}
