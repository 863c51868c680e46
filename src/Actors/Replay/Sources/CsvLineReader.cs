using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// Reads a text file, plain or gzip (recognised by the magic bytes 1F 8B, whatever the extension), as lines handed
/// out as spans over one pooled char buffer, so reading allocates nothing per line. A span is valid only until the
/// next call. Line ends are <c>\n</c> or <c>\r\n</c>.
/// </summary>
internal sealed class CsvLineReader : IDisposable
{
    private const int BufferChars = 1 << 16;
    private const int StreamBufferBytes = 1 << 16;

    private readonly StreamReader reader;
    private char[] buffer;
    private int start;
    private int end;
    private bool endOfFile;

    private CsvLineReader(StreamReader reader, long textLength, bool isGzip)
    {
        this.reader = reader;
        TextLength = textLength;
        IsGzip = isGzip;
        buffer = ArrayPool<char>.Shared.Rent(BufferChars);
    }

    /// <summary>
    /// Gets the length of the text in bytes: the file length, or for gzip the size recorded in the trailer (exact below
    /// 4 GiB for a single-member file, which is all we use it for: an estimate).
    /// </summary>
    public long TextLength { get; }

    /// <summary>Gets whether the file is gzip-compressed.</summary>
    public bool IsGzip { get; }

    /// <summary>Gets the number of chars handed out so far, line ends included.</summary>
    public long CharsConsumed { get; private set; }

    /// <summary>Gets the 1-based number of the last line returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Opens <paramref name="path"/>, looking at its first two bytes to choose plain or gzip.</summary>
    public static CsvLineReader Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferBytes, FileOptions.SequentialScan);
        try
        {
            Span<byte> head = stackalloc byte[4];
            var isGzip = file.ReadAtLeast(head[..2], 2, throwOnEndOfStream: false) == 2 && head[0] == 0x1F && head[1] == 0x8B;
            var textLength = file.Length;
            if (isGzip && file.Length >= 18)
            {
                file.Seek(-4, SeekOrigin.End);
                file.ReadExactly(head);
                textLength = BinaryPrimitives.ReadUInt32LittleEndian(head);
            }

            file.Position = 0;
            Stream text = isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            var reader = new StreamReader(text, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, StreamBufferBytes);
            return new CsvLineReader(reader, textLength, isGzip);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Returns the next line without its line end; false at the end of the file.</summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var newline = pending.IndexOf('\n');
            if (newline >= 0)
            {
                start += newline + 1;
                CharsConsumed += newline + 1;
                line = TrimCarriageReturn(pending[..newline]);
                LineNumber++;
                return true;
            }

            if (endOfFile)
            {
                start = end;
                CharsConsumed += pending.Length;
                line = TrimCarriageReturn(pending);
                if (pending.IsEmpty)
                {
                    return false;
                }

                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    /// <summary>
    /// Returns the average length in chars of the lines now buffered (a sample from the file's start), or the exact
    /// number of remaining lines when the whole rest of the file is buffered; null when no full line is buffered.
    /// </summary>
    public (double AverageLength, long? ExactRemaining)? SampleBufferedLines()
    {
        if (!endOfFile && end - start < buffer.Length / 2)
        {
            Fill();
        }

        var pending = buffer.AsSpan(start, end - start);
        var lines = pending.Count('\n');
        if (endOfFile)
        {
            var exact = lines + (pending.IsEmpty || pending[^1] == '\n' ? 0 : 1);
            return (exact == 0 ? 0 : (double)pending.Length / exact, exact);
        }

        return lines == 0 ? null : ((double)pending.Length / lines, null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private static ReadOnlySpan<char> TrimCarriageReturn(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    /// <summary>Moves the unread text to the front, grows the buffer if one line fills it, and reads more.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
            Array.Copy(buffer, larger, end);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = reader.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfFile = true;
        }

        end += read;
    }
}
