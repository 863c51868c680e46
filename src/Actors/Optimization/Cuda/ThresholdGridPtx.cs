namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// The threshold-grid kernel as PTX text, embedded in this assembly from <c>gpu/threshold_grid.ptx</c> (built from
/// <c>gpu/threshold_grid.cu</c> by <c>gpu/build-ptx.sh</c>). PTX rather than a device binary so one file serves every
/// GPU generation: the driver compiles it for the device it finds.
/// </summary>
internal static class ThresholdGridPtx
{
    /// <summary>The manifest resource name (set in the project file, independent of the folder layout).</summary>
    public const string ResourceName = "ActorArb.Actors.Optimization.Cuda.threshold_grid.ptx";

    /// <summary>The kernel's entry name in the PTX.</summary>
    public const string EntryName = "threshold_grid";

    /// <summary>Returns the PTX text.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing (a build without the PTX file).</exception>
    public static string Read()
    {
        using var stream = typeof(ThresholdGridPtx).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(ThresholdGridPtx).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
