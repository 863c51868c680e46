using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ActorArb.Actors.Replay;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Persistence.Serialization;

/// <summary>
/// Maps the type names stored with events and snapshots to CLR types and back. A type's default name is its
/// simple CLR name, as <see cref="EventTypeNames.Of(Type)"/> writes it, so renaming a namespace never changes stored
/// data; renaming a type does, which is why every stored type is registered here by hand rather than scanned.
/// Thread-safe: types may be registered while stores read.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns a registry holding every domain event (<see cref="CandleClosed"/>, <see cref="RegimeChanged"/>,
    /// <see cref="OrderIntent"/>, <see cref="OrderApproved"/>, <see cref="OrderRejected"/>, <see cref="OrderFilled"/>,
    /// <see cref="TradingHalted"/>, <see cref="TradingResumed"/>, <see cref="PortfolioValued"/>,
    /// <see cref="OptimizationCompleted"/>, <see cref="FeedGapDetected"/>, <see cref="FeedConnectionChanged"/>, <see cref="ArbitrageExecuted"/>), the replay's <see cref="ReplayCheckpoint"/>, the live run's <see cref="Live.LiveCheckpoint"/> and
    /// <see cref="Arbitrage.SpreadCheckpoint"/>, the chain stages' state records (<see cref="Strategies.StrategyRecorded"/>,
    /// <see cref="Risk.RiskRecorded"/>, <see cref="Execution.ExecutionRecorded"/>, <see cref="Portfolio.PortfolioRecorded"/>),
    /// and <see cref="string"/>.
    /// </summary>
    public static EventTypeRegistry CreateDefault() => new EventTypeRegistry()
        .Register<CandleClosed>()
        .Register<RegimeChanged>()
        .Register<OrderIntent>()
        .Register<OrderApproved>()
        .Register<OrderRejected>()
        .Register<OrderFilled>()
        .Register<TradingHalted>()
        .Register<TradingResumed>()
        .Register<PortfolioValued>()
        .Register<OptimizationCompleted>()
        .Register<FeedGapDetected>()
        .Register<FeedConnectionChanged>()
        .Register<ReplayCheckpoint>()
        .Register<Live.LiveCheckpoint>()
        .Register<ArbitrageExecuted>()
        .Register<Arbitrage.SpreadCheckpoint>()
        .Register<Strategies.StrategyRecorded>()
        .Register<Risk.RiskRecorded>()
        .Register<Execution.ExecutionRecorded>()
        .Register<Portfolio.PortfolioRecorded>()
        .Register<string>();

    /// <summary>Registers <typeparamref name="T"/> under its simple CLR name and returns this registry.</summary>
    /// <exception cref="InvalidOperationException">The name already maps to another type.</exception>
    public EventTypeRegistry Register<T>() => Register(typeof(T), EventTypeNames.Of(typeof(T)));

    /// <summary>
    /// Registers <typeparamref name="T"/> under <paramref name="name"/> (an alias, e.g. a type's former name)
    /// and returns this registry.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name already maps to another type.</exception>
    public EventTypeRegistry Register<T>(string name) => Register(typeof(T), name);

    /// <summary>Registers <paramref name="type"/> under <paramref name="name"/> and returns this registry.</summary>
    /// <exception cref="InvalidOperationException">The name already maps to another type.</exception>
    public EventTypeRegistry Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var registered = _byName.GetOrAdd(name, type);
        if (registered != type)
        {
            throw new InvalidOperationException($"event type name '{name}' already maps to {registered.FullName}; cannot map it to {type.FullName}");
        }

        return this;
    }

    /// <summary>Returns true and the CLR type when <paramref name="name"/> is registered.</summary>
    public bool TryResolve(string name, [NotNullWhen(true)] out Type? type) => _byName.TryGetValue(name, out type);
}
