using System.Reactive.Subjects;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>
/// A subject whose subscribers cannot hurt the producer or each other: an exception thrown by one observer is caught
/// and reported to <c>onSubscriberError</c>, and the other observers still get the value.
/// </summary>
/// <remarks>
/// The observer stays subscribed after it threw. Rx operators between the subject and the throwing code (Where,
/// Select, ...) follow Rx's own rule and unsubscribe themselves on the first exception; that happens upstream of us.
/// OnNext and OnCompleted must not be called concurrently, as with any Rx subject.
/// </remarks>
internal sealed class GuardedSubject<T>(Action<Exception> onSubscriberError) : IObservable<T>
{
    private readonly Subject<T> _subject = new();

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return _subject.Subscribe(new Guard(observer, onSubscriberError));
    }

    public void OnNext(T value) => _subject.OnNext(value);

    public void OnCompleted() => _subject.OnCompleted();

    private sealed class Guard(IObserver<T> inner, Action<Exception> onError) : IObserver<T>
    {
        public void OnNext(T value)
        {
            try
            {
                inner.OnNext(value);
            }
#pragma warning disable CA1031 // A subscriber's bug must never reach the receive loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onError(ex);
            }
        }

        public void OnError(Exception error)
        {
            try
            {
                inner.OnError(error);
            }
#pragma warning disable CA1031 // As above.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onError(ex);
            }
        }

        public void OnCompleted()
        {
            try
            {
                inner.OnCompleted();
            }
#pragma warning disable CA1031 // As above.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onError(ex);
            }
        }
    }
}
