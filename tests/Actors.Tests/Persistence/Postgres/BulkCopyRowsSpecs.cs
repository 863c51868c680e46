using System.Buffers.Binary;
using System.Text;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Tests.Persistence.Serialization;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>The binary COPY rows of a bulk append, read back field by field without a server.</summary>
public sealed class BulkCopyRowsSpecs
{
    private const long TimestampMs = 1_700_000_000_123;

    [Fact]
    public async Task BinaryCopyRows_should_carry_every_payload_as_exactly_the_UTF8_of_the_serializers_text()
    {
        var serializer = EventSerializer.Default;
        var metadata = new EventMetadata("corr-1", "cause-2", "node-é");
        var events = DomainEventSamples.All()
            .Select((payload, i) => new EventData(EventIds.For("s", i + 1), EventTypeNames.Of(payload), payload, metadata))
            .ToArray();
        using var rows = new BinaryCopyRows("stream-é", events, serializer, TimestampMs);

        var read = await CopyData(rows, 1);

        Assert.Equal(events.Length, read.Count);
        for (var i = 0; i < events.Length; i++)
        {
            var f = read[i];
            Assert.Equal("stream-é", Encoding.UTF8.GetString(f[0]));
            Assert.Equal(i + 1, BinaryPrimitives.ReadInt64BigEndian(f[1]));
            Assert.Equal(events[i].EventId, new Guid(f[2], bigEndian: true));
            Assert.Equal(events[i].Type, Encoding.UTF8.GetString(f[3]));
            Assert.Equal(Encoding.UTF8.GetBytes(serializer.Serialize(events[i].Payload)), f[4]);
            Assert.Equal(Encoding.UTF8.GetBytes(serializer.SerializeMetadata(metadata)), f[5]);
            Assert.Equal((TimestampMs - 946_684_800_000) * 1000, BinaryPrimitives.ReadInt64BigEndian(f[6]));
        }
    }

    [Fact]
    public async Task BinaryCopyRows_should_renumber_the_rows_it_kept_across_chunks_and_change_nothing_else_when_sent_again()
    {
        var events = PostgresBulkAppendSpecs.Candles("s", 3_000);
        using var rows = new BinaryCopyRows("s", events, EventSerializer.Default, TimestampMs);

        var first = await CopyData(rows, 1);
        var again = await CopyData(rows, 1_001);

        Assert.Equal(events.Select(e => EventSerializer.Default.Serialize(e.Payload)), first.Select(f => Encoding.UTF8.GetString(f[4])));
        Assert.Equal(Enumerable.Range(1, 3_000).Select(v => (long)v), first.Select(f => BinaryPrimitives.ReadInt64BigEndian(f[1])));
        Assert.Equal(Enumerable.Range(1_001, 3_000).Select(v => (long)v), again.Select(f => BinaryPrimitives.ReadInt64BigEndian(f[1])));
        Assert.Equal(1_001, rows.FirstVersion);
        for (var i = 0; i < first.Count; i++)
        {
            foreach (var field in new[] { 0, 2, 3, 4, 5, 6 })
            {
                Assert.Equal(first[i][field], again[i][field]);
            }
        }
    }

    [Fact]
    public async Task BinaryCopyRows_should_give_a_row_larger_than_a_chunk_a_chunk_of_its_own()
    {
        var big = new string('x', 600_000);
        EventData[] events = [Test(1, "a"), Test(2, big), Test(3, "c")];
        using var rows = new BinaryCopyRows("s", events, EventSerializer.Default, TimestampMs);

        var read = await CopyData(rows, 1);

        Assert.Equal(["\"a\"", $"\"{big}\"", "\"c\""], read.Select(f => Encoding.UTF8.GetString(f[4])));
    }

    [Fact]
    public void BinaryCopyRows_should_reject_a_null_event_before_anything_is_sent() =>
        Assert.Throws<ArgumentException>(() => new BinaryCopyRows("s", [Test(1, "a"), null!], EventSerializer.Default, TimestampMs));

    private static EventData Test(int n, string payload) => new(EventIds.For("s", n), "Test", payload, EventMetadata.Empty);

    /// <summary>Writes the rows' COPY data with <paramref name="firstVersion"/> and parses it back into each row's fields.</summary>
    private static async Task<List<byte[][]>> CopyData(BinaryCopyRows rows, long firstVersion)
    {
        using var stream = new MemoryStream();
        await rows.WriteAsync(stream, firstVersion, CancellationToken.None);
        var data = stream.ToArray().AsSpan();
        Assert.True(data[..11].SequenceEqual((byte[])[(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0]));
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(data[11..]));
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(data[15..]));
        var at = 19;
        var result = new List<byte[][]>();
        while (true)
        {
            var count = BinaryPrimitives.ReadInt16BigEndian(data[at..]);
            at += 2;
            if (count == -1)
            {
                break;
            }

            Assert.Equal(7, count);
            var fields = new byte[count][];
            for (var f = 0; f < count; f++)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data[at..]);
                fields[f] = data.Slice(at + 4, length).ToArray();
                at += 4 + length;
            }

            result.Add(fields);
        }

        Assert.Equal(data.Length, at);
        return result;
    }
}
