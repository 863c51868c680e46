namespace ActorArb.Domain.Optimization;

/// <summary>
/// The vector width the exact optimizer's scans run at. The widest the CPU accelerates is the default; a narrower
/// one can be forced (tests run every path on any machine: a width the CPU lacks is emulated, slowly but exactly).
/// </summary>
internal enum ScanWidth
{
    /// <summary>One tick at a time.</summary>
    Scalar,

    /// <summary>256-bit vectors (AVX2).</summary>
    Vector256,

    /// <summary>512-bit vectors (AVX-512).</summary>
    Vector512,
}
