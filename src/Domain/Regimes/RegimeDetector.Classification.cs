using System.Globalization;

namespace ActorArb.Domain.Regimes;

/// <summary>The classification rules with their hysteresis, and the reason text of a change.</summary>
public sealed partial class RegimeDetector
{
    private Regime Classify() => _instrument.IsPegged ? ClassifyPegged() : ClassifyUnpegged();

    private Regime ClassifyPegged()
    {
        var deviation = Math.Abs(_deviation);
        if (deviation >= _options.Depeg || (Current == Regime.Depeg && deviation >= DepegExit))
        {
            return Regime.Depeg;
        }

        if (Flash(awayFromPegOnly: true) is { } flash)
        {
            return flash;
        }

        var stressed = Current is Regime.PegStress or Regime.Depeg or Regime.FlashCrash or Regime.FlashPump;
        return deviation >= _options.PegStress || (stressed && deviation >= PegStressExit) ? Regime.PegStress : Regime.PegStable;
    }

    private Regime ClassifyUnpegged()
    {
        if (Flash(awayFromPegOnly: false) is { } flash)
        {
            return flash;
        }

        var elevated = Current is Regime.HighVolatility or Regime.FlashCrash or Regime.FlashPump;
        return _logReturns.IsFull && (_volatility >= _options.HighVolatility || (elevated && _volatility >= VolatilityExit))
            ? Regime.HighVolatility
            : Regime.Normal;
    }

    private Regime? Flash(bool awayFromPegOnly)
    {
        if (_return <= -_options.FlashMove && (!awayFromPegOnly || _deviation < 0))
        {
            return Regime.FlashCrash;
        }

        if (_return >= _options.FlashMove && (!awayFromPegOnly || _deviation > 0))
        {
            return Regime.FlashPump;
        }

        if (Current == Regime.FlashCrash && _return <= -FlashExit)
        {
            return Regime.FlashCrash;
        }

        return Current == Regime.FlashPump && _return >= FlashExit ? Regime.FlashPump : null;
    }

    private double DepegExit => _options.Depeg * _options.PegRecoverFactor;

    private double PegStressExit => _options.PegStress * _options.PegRecoverFactor;

    private double VolatilityExit => _options.HighVolatility * _options.RecoverFactor;

    private double FlashExit => _options.FlashMove * _options.RecoverFactor;

    /// <summary>Says which measure crossed which threshold; built only when the regime changes.</summary>
    private string Reason(Regime from, Regime to)
    {
        var deviation = Math.Abs(_deviation);
        // Reason runs after Measure, so the return spans the _closeCount closes in the ring: _closeCount - 1 bars.
        var returnName = $"return over {_closeCount - 1} bars";
        var flashExit = from switch
        {
            Regime.FlashCrash => Clause(returnName, _return, ">", -FlashExit),
            Regime.FlashPump => Clause(returnName, _return, "<", FlashExit),
            _ => null,
        };
        var level = to switch
        {
            Regime.Depeg => Clause("peg deviation", deviation, ">=", _options.Depeg),
            Regime.FlashCrash => Clause(returnName, _return, "<=", -_options.FlashMove),
            Regime.FlashPump => Clause(returnName, _return, ">=", _options.FlashMove),
            Regime.PegStress when from == Regime.Depeg => Clause("peg deviation", deviation, "<", DepegExit),
            Regime.PegStress => Clause("peg deviation", deviation, ">=", deviation >= _options.PegStress ? _options.PegStress : PegStressExit),
            Regime.PegStable => Clause("peg deviation", deviation, "<", PegStressExit),
            Regime.HighVolatility => Clause("realised volatility", _volatility, ">=", _volatility >= _options.HighVolatility ? _options.HighVolatility : VolatilityExit),
            _ when !_logReturns.IsFull => null,
            _ => Clause("realised volatility", _volatility, "<", from == Regime.Normal ? _options.HighVolatility : VolatilityExit),
        };

        // Escalations name only what they crossed; a step down from a flash regime also says why the flash ended.
        return to is Regime.Depeg or Regime.FlashCrash or Regime.FlashPump || flashExit is null
            ? level ?? string.Empty
            : level is null ? flashExit : $"{flashExit}; {level}";
    }

    /// <summary>
    /// Writes "name value op threshold" with six decimals, or the value's round-trip digits when six decimals would
    /// print it as the threshold itself (so the text never reads "0.0025 &lt; 0.0025").
    /// </summary>
    internal static string Clause(string name, double value, string comparison, double threshold)
    {
        var limit = threshold.ToString(Decimals, CultureInfo.InvariantCulture);
        var text = value.ToString(Decimals, CultureInfo.InvariantCulture);
        if (text == limit && value != threshold)
        {
            text = value.ToString("R", CultureInfo.InvariantCulture);
        }

        return $"{name} {text} {comparison} {limit}";
    }

    private const string Decimals = "0.######";
}
