namespace ActorArb.Actors.Runtime;

/// <summary>
/// The temporary sender behind an <c>Ask</c>: the first message it is told completes the task (or fails it when the
/// reply is not a <typeparamref name="T"/>); the scheduled timeout fails it with <see cref="AskTimeoutException"/>.
/// </summary>
internal sealed class PromiseRef<T>(ActorSystem system, string path, IActorRef target, TimeSpan timeout) : IInternalActorRef
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _timeoutHandle;

    public string Path { get; } = path;

    public ActorSystem System => system;

    public Task<T> Task => _completion.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is T reply)
        {
            _completion.TrySetResult(reply);
        }
        else
        {
            _completion.TrySetException(new InvalidCastException(
                $"Ask of {target.Path} expected a {typeof(T).Name} reply but got {message.GetType().Name}: {message}"));
        }

        _timeoutHandle?.Dispose();
    }

    public void ArmTimeout(long delayMs) =>
        _timeoutHandle = system.SchedulerCore.Schedule(delayMs, static s => ((PromiseRef<T>)s).OnTimeout(), this);

    public void Fail(Exception ex)
    {
        _completion.TrySetException(ex);
        _timeoutHandle?.Dispose();
    }

    public override string ToString() => Path;

    private void OnTimeout() =>
        _completion.TrySetException(new AskTimeoutException($"Ask of {target.Path} timed out after {timeout}."));
}
