using ActorArb.Domain.Events;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using static ActorArb.Domain.Tests.Risk.RiskManagerSpecs;

namespace ActorArb.Domain.Tests.Risk;

public sealed class RiskManagerHaltSpecs
{
    private const long Day = 86_400_000;
    private readonly List<IDomainEvent> _events = [];

    [Fact]
    public void RiskManager_should_halt_new_exposure_in_a_flash_crash_and_resume_when_it_ends()
    {
        var risk = new RiskManager(new RiskLimits());

        risk.OnRegime(1_000, Regime.FlashCrash, _events);

        Assert.Equal([new TradingHalted(1_000, "FLASH_CRASH regime")], _events);
        Assert.True(risk.IsHalted);
        var rejected = risk.Evaluate(BuyIntent(), Flat());
        Assert.Equal("halted (FLASH_CRASH regime): a buy adds exposure", rejected.Rejected!.Reason);
        Assert.True(risk.Evaluate(SellIntent(), Long(5)).IsApproved);

        risk.OnRegime(2_000, Regime.Normal, _events);

        Assert.Equal(new TradingResumed(2_000, "regime NORMAL"), _events[^1]);
        Assert.False(risk.IsHalted);
        Assert.True(risk.Evaluate(BuyIntent(), Flat()).IsApproved);
    }

    [Fact]
    public void RiskManager_should_halt_on_depeg_and_report_a_change_between_halting_regimes()
    {
        var risk = new RiskManager(new RiskLimits());

        risk.OnRegime(1_000, Regime.FlashCrash, _events);
        risk.OnRegime(2_000, Regime.Depeg, _events);
        risk.OnRegime(3_000, Regime.Depeg, _events);

        Assert.Equal([new TradingHalted(1_000, "FLASH_CRASH regime"), new TradingHalted(2_000, "DEPEG regime")], _events);
        Assert.Equal("DEPEG regime", risk.HaltReason);
    }

    [Fact]
    public void RiskManager_should_not_halt_on_regimes_it_is_configured_to_trade_through()
    {
        var risk = new RiskManager(new RiskLimits(HaltOnFlashCrash: false, HaltOnDepeg: false));

        risk.OnRegime(1_000, Regime.Depeg, _events);

        Assert.Empty(_events);
        Assert.True(risk.Evaluate(BuyIntent(), Flat(regime: Regime.Depeg)).IsApproved);
    }

    [Fact]
    public void RiskManager_should_reject_buys_when_the_snapshot_regime_halts_even_without_a_regime_event()
    {
        var decision = new RiskManager(new RiskLimits()).Evaluate(BuyIntent(), Flat(regime: Regime.Depeg));

        Assert.Equal("halted (DEPEG regime): a buy adds exposure", decision.Rejected!.Reason);
    }

    [Fact]
    public void RiskManager_should_halt_on_max_drawdown_until_the_operator_resumes()
    {
        var risk = new RiskManager(new RiskLimits(MaxDrawdown: 0.1));

        risk.OnEquity(60_000, 100, _events);
        risk.OnEquity(120_000, 110, _events);
        risk.OnEquity(180_000, 99, _events); // exactly 10 % below the peak: not a breach
        Assert.Empty(_events);
        risk.OnEquity(240_000, 98.9, _events);

        var halted = Assert.IsType<TradingHalted>(Assert.Single(_events));
        Assert.StartsWith("drawdown 0.1009", halted.Reason, StringComparison.Ordinal);
        Assert.EndsWith("> max-drawdown 0.1", halted.Reason, StringComparison.Ordinal);
        risk.OnEquity(300_000, 120, _events);
        Assert.True(risk.IsHalted);
        Assert.False(risk.Evaluate(BuyIntent(), Flat()).IsApproved);
        Assert.True(risk.Evaluate(SellIntent(), Long(5)).IsApproved);

        risk.Resume(360_000, "reviewed", _events);

        Assert.Equal(new TradingResumed(360_000, "operator: reviewed"), _events[^1]);
        Assert.True(risk.Evaluate(BuyIntent(), Flat()).IsApproved);
        risk.OnEquity(420_000, 110, _events); // the peak restarted at 120: 8.3 % down is within the limit
        Assert.False(risk.IsHalted);
    }

    [Fact]
    public void RiskManager_should_halt_on_the_daily_loss_limit_and_reset_on_the_next_utc_day()
    {
        var risk = new RiskManager(new RiskLimits(DailyLossLimit: 0.05));

        risk.OnEquity(Day + 60_000, 100, _events);
        risk.OnEquity(Day + 120_000, 95, _events); // exactly 5 %: not a breach
        Assert.False(risk.IsHalted);
        risk.OnEquity(2 * Day - 60_000, 94, _events);
        Assert.True(risk.IsHalted);
        Assert.StartsWith("daily-loss 0.06", Assert.IsType<TradingHalted>(Assert.Single(_events)).Reason, StringComparison.Ordinal);

        risk.OnEquity(2 * Day, 93, _events);

        Assert.Equal(new TradingResumed(2 * Day, "new UTC day: daily loss limit reset"), _events[^1]);
        Assert.False(risk.IsHalted); // the new day starts from 94, so 93 is a 1.1 % loss
        risk.OnEquity(2 * Day + 60_000, 89, _events);
        Assert.True(risk.IsHalted);
    }

    [Fact]
    public void RiskManager_should_halt_and_resume_on_the_operator_kill_switch()
    {
        var risk = new RiskManager(RiskLimits.None);

        risk.Halt(1_000, "exchange maintenance", _events);

        Assert.Equal("halted (operator: exchange maintenance): a buy adds exposure", risk.Evaluate(BuyIntent(), Flat()).Rejected!.Reason);
        Assert.True(risk.Evaluate(SellIntent(), Long(1)).IsApproved);

        risk.Resume(2_000, "maintenance over", _events);

        Assert.Equal([new TradingHalted(1_000, "operator: exchange maintenance"), new TradingResumed(2_000, "operator: maintenance over")], _events);
        Assert.True(risk.Evaluate(BuyIntent(), Flat()).IsApproved);
    }

    [Fact]
    public void RiskManager_should_halt_on_unhealthy_data_and_clear_only_that_halt_when_the_data_recovers()
    {
        var risk = new RiskManager(RiskLimits.None);
        risk.Halt(500, "manual", _events);

        risk.OnDataHealth(1_000, healthy: false, "kraken disconnected", _events);
        risk.OnDataHealth(1_500, healthy: false, "kraken disconnected", _events);
        Assert.Equal("halted (operator: manual; data: kraken disconnected): a buy adds exposure", risk.Evaluate(BuyIntent(), Flat()).Rejected!.Reason);

        risk.OnDataHealth(2_000, healthy: true, "kraken connected", _events);
        Assert.True(risk.IsHalted);
        risk.Resume(3_000, "done", _events);

        Assert.Equal(
            [new TradingHalted(500, "operator: manual"), new TradingHalted(1_000, "data: kraken disconnected"), new TradingResumed(3_000, "operator: done")],
            _events);
        var restored = RiskManager.Restore(RiskLimits.None, risk.Export() with { Reasons = [.. risk.Export().Reasons.Take(4)] });
        Assert.False(restored.IsHalted);
    }

    [Fact]
    public void RiskManager_should_stay_halted_when_the_operator_resumes_during_a_halting_regime()
    {
        var risk = new RiskManager(new RiskLimits());
        risk.Halt(1_000, "manual", _events);
        risk.OnRegime(2_000, Regime.Depeg, _events);

        risk.Resume(3_000, "manual over", _events);

        Assert.True(risk.IsHalted);
        Assert.Equal("DEPEG regime", risk.HaltReason);
        Assert.DoesNotContain(_events, e => e is TradingResumed);

        risk.OnRegime(4_000, Regime.PegStable, _events);

        Assert.Equal(new TradingResumed(4_000, "regime PEG_STABLE"), _events[^1]);
    }

    [Fact]
    public void RiskManager_should_list_every_active_halt_in_its_reason()
    {
        var risk = new RiskManager(new RiskLimits());
        risk.Halt(1_000, "manual", _events);
        risk.OnRegime(2_000, Regime.FlashCrash, _events);

        Assert.Equal("operator: manual; FLASH_CRASH regime", risk.HaltReason);
    }
}
