namespace ActorArb.Actors.Feeds.Rest;

/// <summary>What a <see cref="RestTransport"/> has done so far.</summary>
/// <param name="Requests">HTTP requests sent, retries included.</param>
/// <param name="Retries">Requests sent again after a failure (rate limit, server error, timeout or connection error).</param>
/// <param name="RateLimited">Answers that said the rate limit was hit: HTTP 429 or 418, or Kraken's <c>EAPI:Rate limit exceeded</c>.</param>
/// <param name="Bytes">Response body bytes received.</param>
public readonly record struct RestCounters(long Requests, long Retries, long RateLimited, long Bytes);
