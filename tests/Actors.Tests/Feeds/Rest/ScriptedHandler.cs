using System.Net;
using System.Text;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>An HTTP handler that answers each request with the next step of a script, and records what was asked.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) : HttpMessageHandler
{
    private readonly List<string> _requests = [];
    private int _next;

    /// <summary>Gets the URLs requested so far.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Returns a step answering <paramref name="status"/> with a JSON body and optional headers.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(int status, string body, params (string Name, string Value)[] headers) =>
        (_, _) =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        };

    /// <summary>Returns a step that fails the way a refused or reset connection does.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> ConnectionRefused() =>
        (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (127.0.0.1:1)"));

    /// <summary>Returns a step that never answers: it ends only when the request is cancelled.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int step;
        lock (_requests)
        {
            _requests.Add(request.RequestUri!.ToString());
            step = Math.Min(_next++, steps.Length - 1);
        }

        return steps[step](request, cancellationToken);
    }
}
