namespace ActorArb.Actors.Runtime;

/// <summary>The parent's side of supervision: apply the strategy to a failed child.</summary>
internal sealed partial class ActorCell
{
    private void HandleChildFailure(ActorCell child, Exception cause)
    {
        lock (_childrenLock)
        {
            if (!_children.TryGetValue(child.Name, out var current) || !ReferenceEquals(current, child))
            {
                return;
            }
        }

        if (_state is Stopping or Dead)
        {
            // The child is being stopped with us; a decision would only race that stop.
            return;
        }

        var strategy = ResolveStrategy(child);
        var decision = strategy.Decide(cause, child.RestartStats, _system.Scheduler.NowMs, _system.IsDeterministic);
        var directive = decision.Directive;
        if (directive == Directive.Escalate && _isGuardian)
        {
            directive = Directive.Stop;
        }

        _system.EventStream.Publish(new ActorFailed(child, cause, directive));
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystem(Dispatch.ResumeActor.Instance);
                break;
            case Directive.Restart when decision.DelayMs > 0:
                _system.SchedulerCore.Schedule(decision.DelayMs, static s => ((RestartRequest)s).Send(), new RestartRequest(child, cause));
                break;
            case Directive.Restart:
                child.SendSystem(new Dispatch.RecreateActor(cause));
                break;
            case Directive.Stop:
                child.SendSystem(Dispatch.TerminateActor.Instance);
                break;
            default:
                _escalatedChild = child;
                Fail(cause, null);
                break;
        }
    }

    private SupervisorStrategy ResolveStrategy(ActorCell child)
    {
        if (_isGuardian)
        {
            return child._props.SupervisorStrategy ?? _system.DefaultSupervisorStrategy;
        }

        return _actor?.InvokeSupervisorStrategy() ?? _props.SupervisorStrategy ?? _system.DefaultSupervisorStrategy;
    }

    private sealed record RestartRequest(ActorCell Child, Exception Cause)
    {
        public void Send() => Child.SendSystem(new Dispatch.RecreateActor(Cause));
    }
}
