using System.Collections.Concurrent;

namespace ActorArb.Actors.Persistence;

/// <summary>The stored type name of an event: its CLR type's simple name (e.g. <c>CandleClosed</c>).</summary>
public static class EventTypeNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>Returns the stored type name of <paramref name="payload"/>.</summary>
    public static string Of(object payload) => Names.GetOrAdd(payload.GetType(), static t => t.Name);
}
