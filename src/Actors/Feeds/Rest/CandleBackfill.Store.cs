using ActorArb.Actors.Persistence.Projections;
using ActorArb.Domain.Market;
using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>The read model: catching it up, and reading which bars it holds.</summary>
public sealed partial class CandleBackfill
{
    private Task CatchUpAsync(CancellationToken cancellationToken) =>
        new ProjectionRunner(_store, [new CandleProjection()]).CatchUpAsync(cancellationToken);

    /// <summary>Returns the close of every stored bar opening in [<paramref name="fromMs"/>, <paramref name="toMs"/>), by open time.</summary>
    private Task<Dictionary<long, Price>> ReadClosesAsync(InstrumentId instrument, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken) =>
        _store.WithConnectionAsync(
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(
                    $"select open_time, close from {_store.Schema}.candles where exchange = $1 and symbol = $2 and timeframe = $3 and open_time >= $4 and open_time < $5",
                    connection);
                command.Parameters.Add(Parameter(instrument.Exchange, NpgsqlDbType.Text));
                command.Parameters.Add(Parameter(instrument.Symbol, NpgsqlDbType.Text));
                command.Parameters.Add(Parameter(timeframe.ToString(), NpgsqlDbType.Text));
                command.Parameters.Add(Parameter(ToUtc(fromMs), NpgsqlDbType.TimestampTz));
                command.Parameters.Add(Parameter(ToUtc(toMs), NpgsqlDbType.TimestampTz));
                var closes = new Dictionary<long, Price>();
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    closes[ToUnixMs(reader.GetDateTime(0))] = Price.FromDecimal(reader.GetDecimal(1));
                }

                return closes;
            },
            cancellationToken);
}
