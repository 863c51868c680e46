using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>Row validation and trade-id handling for <see cref="CsvTickSource"/>.</summary>
public sealed partial class CsvTickSource
{
    private const int FixedColumns = 5;

    private readonly bool trackIds;
    private char[] previousId = new char[32];
    private int previousIdLength;
    private bool hasPrevious;
    private long previousTimeMs;
    private bool idsNumeric = true;
    private long minId = long.MaxValue;
    private long maxId = long.MinValue;
    private long idStride;
    private long idOffset;
    private string idSuffix = string.Empty;

    private bool TryParse(
        CsvFile csv,
        ReadOnlySpan<char> row,
        out long timeMs,
        out Price price,
        out double quantity,
        out Side side,
        out ReadOnlySpan<char> idText)
    {
        timeMs = 0;
        price = default;
        quantity = 0;
        side = default;
        idText = default;

        var rest = row;
        if (!CsvParsing.TryTakeField(ref rest, out var timeText)
            || !CsvParsing.TryTakeField(ref rest, out idText)
            || !CsvParsing.TryTakeField(ref rest, out var priceText)
            || !CsvParsing.TryTakeField(ref rest, out var quantityText)
            || !CsvParsing.TryTakeLastField(ref rest, csv.ColumnCount - FixedColumns, out var sideText))
        {
            return csv.Reject(DataProblems.WrongColumnCount, row, $"expected {csv.ColumnCount}, got {CsvParsing.CountColumns(row)}");
        }

        if (!CsvParsing.TryParseTimestamp(timeText, out timeMs))
        {
            return csv.Reject(DataProblems.UnparsableTimestamp, row);
        }

        if (!Price.TryParse(priceText, out price))
        {
            return csv.Reject(DataProblems.UnparsablePrice, row);
        }

        if (!CsvParsing.TryParseQuantity(quantityText, out quantity))
        {
            return csv.Reject(DataProblems.UnparsableVolume, row);
        }

        if (sideText.Equals("buy", StringComparison.OrdinalIgnoreCase))
        {
            side = Side.Buy;
        }
        else if (sideText.Equals("sell", StringComparison.OrdinalIgnoreCase))
        {
            side = Side.Sell;
        }
        else
        {
            return csv.Reject(DataProblems.UnparsableSide, row);
        }

        if (price.Raw <= 0)
        {
            return csv.Reject(DataProblems.NonPositivePrice, row);
        }

        if (quantity < 0)
        {
            return csv.Reject(DataProblems.NegativeVolume, row);
        }

        if (hasPrevious && timeMs < previousTimeMs)
        {
            return csv.Reject(DataProblems.TimeGoesBackwards, row, string.Create(CultureInfo.InvariantCulture, $"previous {previousTimeMs}"));
        }

        if (!idText.IsEmpty && idText.SequenceEqual(previousId.AsSpan(0, previousIdLength)))
        {
            return csv.Reject(DataProblems.DuplicateTradeId, row);
        }

        hasPrevious = true;
        previousTimeMs = timeMs;
        RememberId(idText);
        if (!price.IsMultipleOf(Instrument.TickSize))
        {
            csv.Warn(DataProblems.OffTickPrice, row, tickSizeText);
        }

        return true;
    }

    private void RememberId(ReadOnlySpan<char> idText)
    {
        if (idText.Length > previousId.Length)
        {
            previousId = new char[Math.Max(idText.Length, previousId.Length * 2)];
        }

        idText.CopyTo(previousId);
        previousIdLength = idText.Length;
    }

    private void ResetRowChecks()
    {
        hasPrevious = false;
        previousIdLength = 0;
    }

    /// <summary>Returns the id as written and, when later passes will need it, notes whether it is numeric and its range.</summary>
    private string FirstPassId(ReadOnlySpan<char> idText)
    {
        if (trackIds && idsNumeric && !idText.IsEmpty)
        {
            if (TryParseId(idText, out var id))
            {
                minId = Math.Min(minId, id);
                maxId = Math.Max(maxId, id);
            }
            else
            {
                idsNumeric = false;
            }
        }

        return new string(idText);
    }

    /// <summary>Returns the id of a row in pass 1 or later: offset when the ids are numeric, suffixed otherwise.</summary>
    private string RepeatedId(ReadOnlySpan<char> idText)
    {
        if (idText.IsEmpty)
        {
            return string.Empty;
        }

        return idStride > 0 && TryParseId(idText, out var id)
            ? (id + idOffset).ToString(CultureInfo.InvariantCulture)
            : string.Concat(idText, idSuffix);
    }

    /// <summary>Chooses numeric offsets when pass 0's ids were all numeric and the last pass's ids still fit in a long.</summary>
    private void PlanRepeatedIds()
    {
        if (!idsNumeric || minId > maxId)
        {
            return;
        }

        var stride = (Int128)maxId - minId + 1;
        if (maxId + (stride * (options.Repeat - 1)) <= long.MaxValue)
        {
            idStride = (long)stride;
        }
    }

    private void StartRepeatedIds()
    {
        idOffset = idStride * pass;
        idSuffix = string.Create(CultureInfo.InvariantCulture, $"#{pass}");
    }

    /// <summary>Parses a plain decimal id: 1 to 18 digits, no sign, no leading zero (so text and number correspond one to one).</summary>
    private static bool TryParseId(ReadOnlySpan<char> text, out long id) =>
        CsvParsing.TryParseTimestamp(text, out id) && (text.Length == 1 || text[0] != '0');
}
