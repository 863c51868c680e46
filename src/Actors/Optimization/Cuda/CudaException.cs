namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// A CUDA driver call failed. The message names the call, the driver's error name and its description, e.g.
/// <c>cuMemAlloc_v2 failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)</c>. After an error raised by a running kernel
/// (a launch failure) the CUDA context is unusable, so the worker that threw should be disposed, not retried.
/// </summary>
public sealed class CudaException : Exception
{
    /// <summary>Creates an exception for <paramref name="call"/> failing with <paramref name="errorCode"/>.</summary>
    public CudaException(string call, int errorCode, string errorName, string message)
        : base(message)
    {
        Call = call;
        ErrorCode = errorCode;
        ErrorName = errorName;
    }

    /// <summary>Gets the driver function that failed, e.g. <c>cuLaunchKernel</c>.</summary>
    public string Call { get; }

    /// <summary>Gets the driver's <c>CUresult</c> code.</summary>
    public int ErrorCode { get; }

    /// <summary>Gets the driver's name of the code, e.g. <c>CUDA_ERROR_INVALID_PTX</c>.</summary>
    public string ErrorName { get; }

    /// <summary>Returns the exception for <paramref name="call"/> failing with <paramref name="result"/>, with the driver's words for it.</summary>
    internal static CudaException From(int result, string call, string? detail = null)
    {
        var name = CudaDriver.ErrorName(result);
        var description = CudaDriver.ErrorDescription(result);
        var message = $"{call} failed: {name}" + (description.Length > 0 ? $" ({description})" : string.Empty);
        if (!string.IsNullOrWhiteSpace(detail))
        {
            // The JIT's log has one line per message; the reason a caller prints stays on one line.
            message += ": " + string.Join("; ", detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return new CudaException(call, result, name, message);
    }
}
