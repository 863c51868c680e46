namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>A frame that is valid JSON but not a valid message; adapters turn it into <see cref="Malformed"/>.</summary>
internal sealed class WireFormatException(string message) : Exception(message);
