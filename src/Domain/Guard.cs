namespace ActorArb.Domain;

/// <summary>Argument checks shared by the options records, so that every one words its errors the same way.</summary>
internal static class Guard
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> for <paramref name="name"/> with the message
    /// <c>{owner}.{name} {rule}.</c> unless <paramref name="condition"/> holds.
    /// </summary>
    public static void Require(bool condition, string owner, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{owner}.{name} {rule}.", name);
        }
    }
}
