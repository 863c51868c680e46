using System.Net;
using ActorArb.Simulator.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorArb.Simulator;

/// <summary>The Kestrel server, the routing of WebSocket and REST requests, and the heartbeat and fault clocks.</summary>
public sealed partial class ExchangeSimulator
{
    /// <summary>How often the fault clock looks at the periodic drop and stall settings.</summary>
    private static readonly TimeSpan FaultTick = TimeSpan.FromMilliseconds(50);

    /// <summary>Binance closes a connection whose pong is a minute late.</summary>
    private static readonly TimeSpan BinancePongTimeout = TimeSpan.FromMinutes(1);

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, state.Options.Port));
        app = builder.Build();
        app.UseWebSockets();
        app.Run(DispatchAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        HttpBase = new Uri($"http://127.0.0.1:{port}");
        WebSocketBase = new Uri($"ws://127.0.0.1:{port}");
    }

    private void StartClocks()
    {
        if (!state.Options.StartPaused)
        {
            playback.Resume();
        }

        var token = stopping.Token;
        playing = Task.Run(() => playback.RunAsync(token), token);
        heartbeating = Task.Run(() => HeartbeatsAsync(token), token);
        faulting = Task.Run(() => PeriodicFaultsAsync(token), token);
    }

    private Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/rest/", StringComparison.Ordinal))
        {
            return rest.HandleAsync(context, path["/rest/".Length..]);
        }

        if (path.StartsWith("/ws/", StringComparison.Ordinal) && SessionFactory(path["/ws/".Length..], context.Request.Query) is { } factory)
        {
            return AcceptAsync(context, factory);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>Returns how to make the session a WebSocket path asks for, or null for an unknown path.</summary>
    private Func<WireSession>? SessionFactory(string route, IQueryCollection query)
    {
        switch (route)
        {
            case SimulatorFlavours.CoinbaseAdvanced:
                return () => new CoinbaseAdvancedSession(state);
            case SimulatorFlavours.CoinbaseExchange:
                return () => new CoinbaseExchangeSession(state);
            case SimulatorFlavours.KrakenV2:
                return () => new KrakenV2Session(state);
            case SimulatorFlavours.KrakenV1:
                return () => new KrakenV1Session(state);
            case "binance/stream":
                var combined = (string?)query["streams"] ?? string.Empty;
                return () => new BinanceSession(state, combined: true, combined.Split('/', StringSplitOptions.RemoveEmptyEntries));
            case "binance/ws":
                return () => new BinanceSession(state, combined: false, []);
            default:
                if (route.StartsWith("binance/ws/", StringComparison.Ordinal))
                {
                    var raw = route["binance/ws/".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
                    return () => new BinanceSession(state, combined: false, raw);
                }

                return null;
        }
    }

    private async Task AcceptAsync(HttpContext context, Func<WireSession> factory)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var session = factory();
        var binance = session.Flavour == SimulatorFlavours.Binance;
        var accept = new WebSocketAcceptContext
        {
            // Binance pings and expects pongs; the others rely on application heartbeats only.
            KeepAliveInterval = binance ? state.Options.BinancePingInterval : TimeSpan.Zero,
            KeepAliveTimeout = binance ? BinancePongTimeout : Timeout.InfiniteTimeSpan,
        };
        using var socket = await context.WebSockets.AcceptWebSocketAsync(accept).ConfigureAwait(false);
        await session.RunAsync(socket, context.Abort, stopping.Token).ConfigureAwait(false);
    }

    private async Task HeartbeatsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(state.Options.HeartbeatInterval, state.Time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var session in state.Sessions.Values)
            {
                session.Enqueue(Outbound.Heartbeat);
            }
        }
    }

    private async Task PeriodicFaultsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(FaultTick, state.Time);
        long? nextDrop = null;
        long? nextStall = null;
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var faults = state.Faults;
            if (Due(ref nextDrop, faults.DropEvery))
            {
                DropConnections();
            }

            if (Due(ref nextStall, faults.StallEvery))
            {
                state.StallFor(faults.StallFor);
            }
        }
    }

    /// <summary>Returns true when a periodic fault's time has come, and schedules its next time; a fault switched off forgets its schedule.</summary>
    private bool Due(ref long? next, TimeSpan? period)
    {
        if (period is not { } every)
        {
            next = null;
            return false;
        }

        var now = state.Time.GetTimestamp();
        var step = (long)(every.TotalSeconds * state.Time.TimestampFrequency);
        next ??= now + step;
        if (now < next)
        {
            return false;
        }

        next = now + step;
        return true;
    }
}
