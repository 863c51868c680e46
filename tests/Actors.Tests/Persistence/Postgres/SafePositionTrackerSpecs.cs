using ActorArb.Actors.Persistence.Postgres;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

public sealed class SafePositionTrackerSpecs
{
    [Fact]
    public void Tracker_should_allow_everything_allocated_once_no_older_transaction_is_running()
    {
        var tracker = new SafePositionTracker();

        Assert.Equal(10, tracker.Observe(10, fence: 100, oldestRunning: 100));
        Assert.False(tracker.HasPending);
    }

    [Fact]
    public void Tracker_should_hold_back_while_a_transaction_older_than_the_fence_runs()
    {
        var tracker = new SafePositionTracker();
        Assert.Equal(0, tracker.Observe(10, fence: 100, oldestRunning: 97));
        Assert.Equal(0, tracker.Observe(12, fence: 104, oldestRunning: 99));
        Assert.True(tracker.HasPending);

        // Transaction 99 finished; the oldest running is now 102: the first reading (fence 100) is safe.
        Assert.Equal(10, tracker.Observe(15, fence: 107, oldestRunning: 102));

        Assert.Equal(15, tracker.Observe(15, fence: null, oldestRunning: 108));
        Assert.False(tracker.HasPending);
    }

    [Fact]
    public void Tracker_should_take_no_new_reading_for_positions_already_covered()
    {
        var tracker = new SafePositionTracker();
        tracker.Observe(10, fence: 100, oldestRunning: 90);

        // A later fence for the same allocation is not queued: the pending one already covers position 10.
        Assert.Equal(0, tracker.Observe(10, fence: 200, oldestRunning: 95));
        Assert.Equal(10, tracker.Covered);

        Assert.Equal(10, tracker.Observe(10, fence: null, oldestRunning: 120));
        Assert.False(tracker.HasPending);
    }

    [Fact]
    public void Tracker_should_never_move_back()
    {
        var tracker = new SafePositionTracker();
        tracker.Observe(20, fence: 5, oldestRunning: 5);

        Assert.Equal(20, tracker.Observe(20, fence: null, oldestRunning: 1));
    }
}
