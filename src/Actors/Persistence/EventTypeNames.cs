namespace ActorArb.Actors.Persistence;

/// <summary>The stored type name of an event: its CLR type's simple name (e.g. <c>CandleClosed</c>).</summary>
public static class EventTypeNames
{
    /// <summary>Returns the stored type name of <paramref name="payload"/>.</summary>
    public static string Of(object payload) => Of(payload.GetType());

    /// <summary>Returns the stored type name of events of <paramref name="type"/>.</summary>
    public static string Of(Type type) => type.Name;
}
