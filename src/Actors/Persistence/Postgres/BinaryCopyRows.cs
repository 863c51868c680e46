using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ActorArb.Actors.Persistence.Serialization;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// The rows of one bulk append in PostgreSQL's binary COPY format, for the column list
/// <c>(stream_id, version, event_id, type, data, metadata, "timestamp")</c>. Rows are encoded chunk by chunk while
/// the first COPY sends them, so the client's encoding overlaps the server's parsing and indexing, and the chunks
/// are kept: a later attempt (a retry, the staging rerun) sends the same bytes without serializing again. Payloads
/// go straight from the serializer into the chunk as UTF-8, with no string per event. Not thread-safe: one
/// attempt at a time.
/// </summary>
internal sealed class BinaryCopyRows : IDisposable
{
    /// <summary>The size of a chunk (one COPY write); a row larger than this gets a chunk of its own.</summary>
    private const int ChunkSize = 256 * 1024;

    private const short FieldCount = 7;

    /// <summary>Unix milliseconds of 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch.</summary>
    private const long PostgresEpochMs = 946_684_800_000;

    /// <summary>The binary COPY header: signature, flags (none) and header extension length (none).</summary>
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The binary COPY trailer: a field count of -1.</summary>
    private static readonly byte[] Trailer = [0xFF, 0xFF];

    private readonly IReadOnlyList<EventData> _events;
    private readonly EventSerializer _serializer;
    private readonly byte[] _streamId;
    private readonly long _timestampUs;
    private readonly List<(byte[] Buffer, int Length)> _chunks = [];
    private readonly ArrayBufferWriter<byte> _payload = new(1024);
    private readonly Utf8JsonWriter _json;
    private EventMetadata? _lastMetadata;
    private byte[] _lastMetadataJson = [];
    private string? _lastType;
    private byte[] _lastTypeBytes = [];
    private int _encoded;
    private int _serialized = -1;

    /// <summary>
    /// Prepares the rows of <paramref name="events"/> in <paramref name="streamId"/>, stamped with
    /// <paramref name="timestampMs"/>; nothing is serialized yet.
    /// </summary>
    /// <exception cref="ArgumentException">An event is null.</exception>
    public BinaryCopyRows(string streamId, IReadOnlyList<EventData> events, EventSerializer serializer, long timestampMs)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"event {i} is null", nameof(events));
            }
        }

        _events = events;
        _serializer = serializer;
        _streamId = Encoding.UTF8.GetBytes(streamId);
        _timestampUs = checked((timestampMs - PostgresEpochMs) * 1000);
        _json = serializer.CreateWriter(_payload);
    }

    /// <summary>Returns the number of rows.</summary>
    public int Count => _events.Count;

    /// <summary>Returns the id of the first event, or <see cref="Guid.Empty"/> when there are none.</summary>
    public Guid FirstEventId => Count == 0 ? Guid.Empty : _events[0].EventId;

    /// <summary>Returns the version the first row carries: row i carries this plus i.</summary>
    public long FirstVersion { get; private set; } = 1;

    /// <summary>
    /// Writes the whole COPY data (header, every row, trailer) to <paramref name="copy"/>, with row i carrying version
    /// <paramref name="firstVersion"/> + i. Rows encoded by an earlier call are renumbered in place if needed and sent
    /// again as they are; the rest are encoded now, one chunk ahead of the server.
    /// </summary>
    public async Task WriteAsync(Stream copy, long firstVersion, CancellationToken cancellationToken)
    {
        Renumber(firstVersion);
        await copy.WriteAsync(Header, cancellationToken).ConfigureAwait(false);
        foreach (var (buffer, length) in _chunks)
        {
            await copy.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        while (_encoded < Count)
        {
            var (buffer, length) = EncodeChunk();
            await copy.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        await copy.WriteAsync(Trailer, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (buffer, _) in _chunks)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _chunks.Clear();
        _json.Dispose();
    }

    /// <summary>Encodes the next rows into a new chunk until it is full, keeps the chunk and returns it.</summary>
    private (byte[] Buffer, int Length) EncodeChunk()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var length = 0;
        var first = _encoded;
        try
        {
            while (_encoded < Count)
            {
                var e = _events[_encoded];
                var payload = SerializePayload(_encoded);
                var metadata = MetadataJson(e.Metadata);
                var type = TypeBytes(e.Type);
                var size = RowSize(type.Length, payload.Length, metadata.Length);
                if (size > buffer.Length - length)
                {
                    if (length > 0)
                    {
                        break;
                    }

                    // A row larger than a chunk: this chunk holds it alone.
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(size);
                }

                length += WriteRow(buffer.AsSpan(length, size), FirstVersion + _encoded, e.EventId, type, payload, metadata);
                _encoded++;
            }
        }
        catch
        {
            // A payload that does not serialize: the chunk's rows count as not encoded.
            _encoded = first;
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        _chunks.Add((buffer, length));
        return (buffer, length);
    }

    private int RowSize(int typeLength, int payloadLength, int metadataLength) =>
        sizeof(short) + (FieldCount * sizeof(int)) + _streamId.Length + sizeof(long) + 16 + typeLength + payloadLength + metadataLength + sizeof(long);

    private int WriteRow(Span<byte> row, long version, Guid eventId, ReadOnlySpan<byte> type, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> metadata)
    {
        BinaryPrimitives.WriteInt16BigEndian(row, FieldCount);
        var at = sizeof(short);
        at += WriteField(row[at..], _streamId);
        BinaryPrimitives.WriteInt32BigEndian(row[at..], sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(row[(at + sizeof(int))..], version);
        at += sizeof(int) + sizeof(long);
        BinaryPrimitives.WriteInt32BigEndian(row[at..], 16);
        var written = eventId.TryWriteBytes(row[(at + sizeof(int))..], bigEndian: true, out _);
        Debug.Assert(written, "the row was sized for the id");
        at += sizeof(int) + 16;
        at += WriteField(row[at..], type);

        // json's binary format is its text as it is (jsonb's would start with a format version byte).
        at += WriteField(row[at..], payload);
        at += WriteField(row[at..], metadata);
        BinaryPrimitives.WriteInt32BigEndian(row[at..], sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(row[(at + sizeof(int))..], _timestampUs);
        at += sizeof(int) + sizeof(long);
        Debug.Assert(at == row.Length, "the row's size was computed from the same fields");
        return at;
    }

    private static int WriteField(Span<byte> to, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(to, value.Length);
        value.CopyTo(to[sizeof(int)..]);
        return sizeof(int) + value.Length;
    }

    /// <summary>
    /// Returns the JSON of event <paramref name="index"/>'s payload, serializing it unless it is the last one
    /// serialized (a row that did not fit the chunk before starts the next one).
    /// </summary>
    private ReadOnlySpan<byte> SerializePayload(int index)
    {
        if (_serialized != index)
        {
            _serialized = -1;
            _payload.ResetWrittenCount();
            _json.Reset(_payload);
            _serializer.Serialize(_json, _events[index].Payload);
            _serialized = index;
        }

        return _payload.WrittenSpan;
    }

    private byte[] MetadataJson(EventMetadata metadata)
    {
        // Writers pass one metadata instance for a whole batch; encode it once.
        if (!ReferenceEquals(metadata, _lastMetadata))
        {
            _lastMetadataJson = Encoding.UTF8.GetBytes(_serializer.SerializeMetadata(metadata));
            _lastMetadata = metadata;
        }

        return _lastMetadataJson;
    }

    private byte[] TypeBytes(string type)
    {
        if (!ReferenceEquals(type, _lastType))
        {
            _lastTypeBytes = Encoding.UTF8.GetBytes(type);
            _lastType = type;
        }

        return _lastTypeBytes;
    }

    /// <summary>Rewrites the version of every row encoded so far so that the first carries <paramref name="firstVersion"/>.</summary>
    private void Renumber(long firstVersion)
    {
        var shift = firstVersion - FirstVersion;
        FirstVersion = firstVersion;
        if (shift == 0)
        {
            return;
        }

        foreach (var (buffer, length) in _chunks)
        {
            var chunk = buffer.AsSpan(0, length);
            var at = 0;
            while (at < chunk.Length)
            {
                // The version is the second field; walk the row's fields by their lengths to the next row.
                at += sizeof(short);
                at += sizeof(int) + BinaryPrimitives.ReadInt32BigEndian(chunk[at..]);
                var version = chunk[(at + sizeof(int))..];
                BinaryPrimitives.WriteInt64BigEndian(version, BinaryPrimitives.ReadInt64BigEndian(version) + shift);
                for (var field = 1; field < FieldCount; field++)
                {
                    at += sizeof(int) + BinaryPrimitives.ReadInt32BigEndian(chunk[at..]);
                }
            }
        }
    }
}
