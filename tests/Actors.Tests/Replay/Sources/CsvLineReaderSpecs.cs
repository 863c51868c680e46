using System.Text;
using ActorArb.Actors.Replay.Sources;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvLineReaderSpecs : IDisposable
{
    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void CsvLineReader_should_split_lines_on_lf_and_crlf_and_keep_blank_lines()
    {
        var path = files.WriteText("mixed.txt", "a\r\nb\n\nc");

        Assert.Equal(["a", "b", "", "c"], ReadLines(path));
    }

    [Fact]
    public void CsvLineReader_should_drop_a_utf8_byte_order_mark()
    {
        var path = files.WriteText("bom.txt", string.Empty);
        File.WriteAllText(path, "head\nrow\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(["head", "row"], ReadLines(path));
    }

    [Fact]
    public void CsvLineReader_should_return_lines_longer_than_its_buffer_whole()
    {
        var longLine = new string('x', 300_000);
        var path = files.WriteText("long.txt", $"first\n{longLine}\nlast\n");

        Assert.Equal(["first", longLine, "last"], ReadLines(path));
    }

    [Fact]
    public void CsvLineReader_should_cross_buffer_boundaries_without_losing_or_merging_lines()
    {
        var lines = Enumerable.Range(0, 50_000).Select(i => $"{i},{new string('y', i % 37)}").ToArray();
        var path = files.Write("many.txt", lines);

        using var reader = CsvLineReader.Open(path);
        var read = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            read.Add(line.ToString());
            Assert.Equal(read.Count, reader.LineNumber);
        }

        Assert.Equal(lines, read);
        Assert.Equal(new FileInfo(path).Length, reader.CharsConsumed);
    }

    [Fact]
    public void CsvLineReader_should_read_gzip_whatever_the_name_and_report_the_text_length()
    {
        var path = files.WriteGzip("data.txt", "one", "two");

        using var reader = CsvLineReader.Open(path);

        Assert.True(reader.IsGzip);
        Assert.Equal("one\ntwo\n".Length, reader.TextLength);
        Assert.True(reader.TryReadLine(out var first));
        Assert.Equal("one", first.ToString());
    }

    [Fact]
    public void CsvLineReader_should_return_nothing_for_an_empty_file()
    {
        var path = files.WriteText("empty.txt", string.Empty);

        Assert.Empty(ReadLines(path));
    }

    private static List<string> ReadLines(string path)
    {
        using var reader = CsvLineReader.Open(path);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
