// The threshold-strategy grid on the GPU: one thread per (buy, sell) combination, each running the bar loop of
// ActorArb.Domain.Optimization.ThresholdReference.Run with the same double operations in the same order, so every
// result equals the CPU reference bit for bit.
//
// Built without the CUDA toolkit (clang's NVPTX backend, see build-ptx.sh), hence the attribute spellings and
// clang builtins instead of the CUDA headers' __global__ and threadIdx. The build passes -ffp-contract=off: clang
// then emits mul.rn/add.rn/sub.rn (never fma), and the explicit rounding modifiers also forbid ptxas from fusing a
// multiply and an add when it JITs the PTX, which would change the low bits of the results.

#define KERNEL extern "C" __attribute__((global))
#define DEVICE static __attribute__((device)) __attribute__((always_inline))

// The three results of one combination, written to separate arrays so each store is coalesced.
struct Run {
    double equity;
    int trades;
    double max_drawdown;
};

DEVICE Run run_one(const double *__restrict__ closes, int bars, double buy, double sell,
                   double buy_factor, double buy_divisor, double sell_slip_factor) {
    double cash = 1.0;
    double units = 0.0;
    bool is_long = false;
    int trades = 0;
    double peak = 1.0;
    double max_drawdown = 0.0;
    double floor = 1.0;
    double equity = 1.0;
    for (int i = 0; i < bars; i++) {
        const double close = closes[i];
        if (is_long) {
            if (close >= sell) {
                cash = units * close * sell_slip_factor * buy_factor;
                units = 0.0;
                is_long = false;
                equity = cash;
            } else {
                equity = units * close;
            }
        } else if (close <= buy) {
            units = cash * buy_factor / (close * buy_divisor);
            cash = 0.0;
            is_long = true;
            trades++;
            equity = units * close;
        } else {
            // Flat without a fill: equity, peak and drawdown cannot change.
            continue;
        }

        if (equity > peak) {
            peak = equity;
            floor = peak * (1.0 - max_drawdown);
        } else if (equity < floor) {
            max_drawdown = (peak - equity) / peak;
            floor = equity;
        }
    }

    Run run = {equity, trades, max_drawdown};
    return run;
}

// closes: the series (bars doubles, shared by every thread, read in lockstep so each load is a broadcast);
// buys/sells: count thresholds, combination i = (buys[i], sells[i]); the factors are ThresholdCosts' doubles
// (BuyFactor = 1 - fee, BuyDivisor = 1 + slip, SellSlipFactor = 1 - slip), used in its order of operations.
KERNEL void threshold_grid(const double *__restrict__ closes, int bars,
                           const double *__restrict__ buys, const double *__restrict__ sells, int count,
                           double buy_factor, double buy_divisor, double sell_slip_factor,
                           double *__restrict__ equity, int *__restrict__ trades,
                           double *__restrict__ max_drawdown) {
    const int i = (int)(__nvvm_read_ptx_sreg_ctaid_x() * __nvvm_read_ptx_sreg_ntid_x() + __nvvm_read_ptx_sreg_tid_x());
    if (i >= count) {
        return;
    }

    const Run run = run_one(closes, bars, buys[i], sells[i], buy_factor, buy_divisor, sell_slip_factor);
    equity[i] = run.equity;
    trades[i] = run.trades;
    max_drawdown[i] = run.max_drawdown;
}
