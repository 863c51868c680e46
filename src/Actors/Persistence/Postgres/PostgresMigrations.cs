using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// The store's schema as numbered migrations, applied in order and recorded in <c>schema_migrations</c>.
/// Every node runs them on start: one transaction holds an advisory lock on (ActorArb, schema) while it reads
/// which versions exist and applies the rest, so concurrent starts apply each migration exactly once.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The first key of the advisory lock: "AcAr", so other users of advisory locks do not collide.</summary>
    private const int LockClass = 0x41634172;

    /// <summary>Returns the migrations for one schema; index i holds version i + 1. Never edit a released one.</summary>
    public static IReadOnlyList<string> For(PostgresNames names) => [Version1(names), Version2(names)];

    /// <summary>Creates the schema if needed and applies the migrations it lacks, in one transaction on <paramref name="connection"/>.</summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, PostgresNames names, CancellationToken cancellationToken)
    {
        var s = names.Schema;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AdvisoryXactLockAsync(connection, LockClass, s, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            $"""
            create schema if not exists {s};
            create table if not exists {s}.schema_migrations (
                version integer primary key,
                applied_at timestamptz not null default now());
            """,
            cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand($"select version from {s}.schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var migrations = For(names);
        for (var version = 1; version <= migrations.Count; version++)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await ExecuteAsync(connection, migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"insert into {s}.schema_migrations (version) values ({version})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Version1(PostgresNames names)
    {
        var s = names.Schema;

        // The position sequence hands out one value per call (cache 1): the subscription's safe position reads
        // its last value as "every position allocated so far", which a per-session cache would break.
        return $$"""
            create table {{s}}.events (
                position bigint generated always as identity (sequence name {{names.Sequence}} cache 1) primary key,
                stream_id text not null,
                version bigint not null,
                event_id uuid not null unique,
                type text not null,
                data jsonb not null,
                metadata jsonb not null,
                "timestamp" timestamptz not null,
                unique (stream_id, version));

            create table {{s}}.streams (
                stream_id text primary key,
                version bigint not null);

            create table {{s}}.checkpoints (
                subscriber text primary key,
                position bigint not null,
                updated_at timestamptz not null default now());

            create table {{s}}.snapshots (
                stream_id text not null,
                version bigint not null,
                type text not null,
                data jsonb not null,
                primary key (stream_id, version));

            create function {{s}}.append_events(
                p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[], p_timestamp timestamptz)
            returns table (stream_version bigint, last_position bigint, written integer)
            language plpgsql as $fn$
            declare
                v_version bigint;
                v_fresh integer;
                v_last bigint;
            begin
                -- Locks the stream's row until commit, so appends to one stream take turns, and gives this
                -- transaction its id before any position is allocated (the subscription's safe position needs it).
                insert into {{s}}.streams as st (stream_id, version) values (p_stream, 0)
                on conflict (stream_id) do update set version = st.version
                returning st.version into v_version;

                -- A retried append whose events all landed writes nothing and reports no conflict.
                select count(*) into v_fresh from unnest(p_ids) as i(id)
                where not exists (select 1 from {{s}}.events e where e.event_id = i.id);
                if v_fresh = 0 and cardinality(p_ids) > 0 then
                    return query select v_version, (select max(e.position) from {{s}}.events e where e.event_id = any(p_ids)), 0;
                    return;
                end if;

                if p_expected <> -1 and p_expected <> v_version then
                    raise exception using errcode = 'AA409', message = v_version::text;
                end if;

                with inserted as (
                    insert into {{s}}.events (stream_id, version, event_id, type, data, metadata, "timestamp")
                    select p_stream, v_version + row_number() over (order by u.ord), u.id, u.type, u.data, u.metadata, p_timestamp
                    from unnest(p_ids, p_types, p_data, p_metadata) with ordinality as u(id, type, data, metadata, ord)
                    where not exists (select 1 from {{s}}.events e where e.event_id = u.id)
                    order by u.ord
                    returning position)
                select count(*), coalesce(max(position), 0) into v_fresh, v_last from inserted;

                update {{s}}.streams set version = v_version + v_fresh where stream_id = p_stream;
                perform pg_notify('{{names.Channel}}', '');
                return query select v_version + v_fresh, v_last, v_fresh;
            end
            $fn$;
            """;
    }

    /// <summary>
    /// Stores payloads, metadata and snapshots as <c>json</c> instead of <c>jsonb</c>. The store only ever reads
    /// them back whole, and <c>json</c> keeps the text as sent after checking it, where <c>jsonb</c> parses it into
    /// a tree on every write and prints it again on every read: a bulk append spends about a quarter less server
    /// time per event. Operators such as <c>data-&gt;'candle'-&gt;&gt;'timeframe'</c> work on both types. The
    /// columns are rewritten in place (the tables are locked meanwhile); <c>append_events</c> is replaced by the
    /// same function over <c>json</c> arrays, since a function's argument types cannot be altered. A node still
    /// running a version-1 build then has most of its appends refused (there is no jsonb <c>append_events</c>, and
    /// its direct COPY's jsonb version byte is not JSON) rather than stored wrongly: upgrade every node together.
    /// </summary>
    private static string Version2(PostgresNames names)
    {
        var s = names.Schema;
        return $$"""
            alter table {{s}}.events
                alter column data type json using data::json,
                alter column metadata type json using metadata::json;

            alter table {{s}}.snapshots
                alter column data type json using data::json;

            drop function {{s}}.append_events(text, bigint, uuid[], text[], jsonb[], jsonb[], timestamptz);

            create function {{s}}.append_events(
                p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_data json[], p_metadata json[], p_timestamp timestamptz)
            returns table (stream_version bigint, last_position bigint, written integer)
            language plpgsql as $fn$
            declare
                v_version bigint;
                v_fresh integer;
                v_last bigint;
            begin
                -- Locks the stream's row until commit, so appends to one stream take turns, and gives this
                -- transaction its id before any position is allocated (the subscription's safe position needs it).
                insert into {{s}}.streams as st (stream_id, version) values (p_stream, 0)
                on conflict (stream_id) do update set version = st.version
                returning st.version into v_version;

                -- A retried append whose events all landed writes nothing and reports no conflict.
                select count(*) into v_fresh from unnest(p_ids) as i(id)
                where not exists (select 1 from {{s}}.events e where e.event_id = i.id);
                if v_fresh = 0 and cardinality(p_ids) > 0 then
                    return query select v_version, (select max(e.position) from {{s}}.events e where e.event_id = any(p_ids)), 0;
                    return;
                end if;

                if p_expected <> -1 and p_expected <> v_version then
                    raise exception using errcode = 'AA409', message = v_version::text;
                end if;

                with inserted as (
                    insert into {{s}}.events (stream_id, version, event_id, type, data, metadata, "timestamp")
                    select p_stream, v_version + row_number() over (order by u.ord), u.id, u.type, u.data, u.metadata, p_timestamp
                    from unnest(p_ids, p_types, p_data, p_metadata) with ordinality as u(id, type, data, metadata, ord)
                    where not exists (select 1 from {{s}}.events e where e.event_id = u.id)
                    order by u.ord
                    returning position)
                select count(*), coalesce(max(position), 0) into v_fresh, v_last from inserted;

                update {{s}}.streams set version = v_version + v_fresh where stream_id = p_stream;
                perform pg_notify('{{names.Channel}}', '');
                return query select v_version + v_fresh, v_last, v_fresh;
            end
            $fn$;
            """;
    }
}
