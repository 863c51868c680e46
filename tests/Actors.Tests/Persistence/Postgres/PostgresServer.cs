using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Domain.Time;
using Npgsql;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the tests: initdb into a temporary directory, trust authentication,
/// listening on 127.0.0.1 only on a free port, its socket inside that directory; stopped and deleted at the end.
/// As root the server runs as the <c>postgres</c> user (initdb refuses root). Without PostgreSQL binaries the
/// tests fail and say how to get them: a silent skip would hide that the persistence layer went untested.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly bool AsRoot = Environment.UserName == "root";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorarb-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";
    private int _schemas;

    /// <summary>Returns the server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Returns the connection string of the <c>postgres</c> database as the <c>postgres</c> superuser.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Returns a data source on <see cref="ConnectionString"/>, shared by the tests.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_root);
        if (AsRoot)
        {
            await Run("chown", "postgres:postgres", _root);
        }

        await RunPostgres("initdb", "-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions");
        Port = FreePort();
        await StartAsync();
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Maximum Pool Size=90";
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunPostgres("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w");
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Returns a schema name no other test has used on this server; the store creates the schema.</summary>
    public string NewSchemaName(string prefix) => $"{prefix}_{Interlocked.Increment(ref _schemas)}";

    /// <summary>Creates and returns an empty schema of its own for a test class.</summary>
    public async Task<string> CreateSchemaAsync(string prefix)
    {
        var schema = NewSchemaName(prefix);
        await using var command = DataSource.CreateCommand($"create schema {schema}");
        await command.ExecuteNonQueryAsync();
        return schema;
    }

    /// <summary>
    /// Returns store options for <paramref name="schema"/> with the default registry plus <see cref="string"/>
    /// payloads under the name <c>Test</c> (the contract specs' type), stamping events with <paramref name="clock"/>.
    /// </summary>
    public static PostgresEventStoreOptions Options(string schema, IClock? clock = null) => new()
    {
        Schema = schema,
        Serializer = new EventSerializer(EventTypeRegistry.CreateDefault().Register<string>("Test")),
        Clock = clock ?? new ManualClock(1_700_000_000_000),
        TransientRetryBudget = TimeSpan.FromSeconds(30),
    };

    /// <summary>Returns the first column of <paramref name="sql"/>'s first row as a number; 0 while the queried schema does not exist yet.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        try
        {
            await using var command = DataSource.CreateCommand(sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == "42P01")
        {
            // The run has not created its schema yet.
            return 0;
        }
    }

    /// <summary>Returns every row of <paramref name="sql"/>, its columns joined by <c>|</c>.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        var rows = new List<string>();
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back), waits <paramref name="downtime"/>, and starts it again.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        await RunPostgres("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w");
        await Task.Delay(downtime);
        await StartAsync();
    }

    private Task StartAsync() => RunPostgres(
        "pg_ctl",
        "start",
        "-D",
        DataDirectory,
        "-w",
        "-t",
        "60",
        "-l",
        Path.Combine(_root, "server.log"),
        "-o",
        // Durable defaults (fsync on), with the WAL buffers and checkpoint distance a write-heavy event store is
        // given in production: bulk appends run roughly half again as fast as on the stock settings.
        $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB -c wal_buffers=64MB -c max_wal_size=4GB");

    private static string FindBinaries()
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(d => (Dir: d, Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }

        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return fromPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. "
            + "Run ./test.sh, which installs PostgreSQL (apt-get install postgresql) when it is missing, or install it yourself.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgres(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return AsRoot ? Run("runuser", ["-u", "postgres", "--", path, .. args]) : Run(path, args);
    }

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
