using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization;

/// <summary>Evaluates a chunk of (buy, sell) tick combinations over one series: the work a CPU or GPU worker does.</summary>
public interface IThresholdEvaluator
{
    /// <summary>Gets a short name for progress and reports, e.g. <c>cpu-avx512</c> or the GPU's name.</summary>
    string Name { get; }

    /// <summary>Evaluates combinations <c>[offset, offset + results.Length)</c> of <paramref name="grid"/> into <paramref name="results"/>.</summary>
    void Evaluate(ThresholdCombos grid, int offset, Span<ThresholdRun> results);
}
