using System.Runtime.InteropServices;

namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>
/// The CUDA driver API entry points the threshold worker uses, bound to <c>libcuda.so.1</c> (the driver the NVIDIA
/// kernel module installs; no toolkit is needed). Every function returns a <c>CUresult</c>, 0 on success; handles
/// (contexts, modules, functions) are opaque pointers and device memory is a 64-bit <c>CUdeviceptr</c>. The versioned
/// names (<c>_v2</c>) are the ones the driver exports for 64-bit sizes; callers check every result with <see cref="Check"/>.
/// </summary>
/// <remarks>
/// Plain <see cref="DllImportAttribute"/> with blittable arguments (by-ref doubles and ints are pinned, not copied),
/// so the assembly needs no unsafe code and the bindings survive trimming.
/// </remarks>
internal static class CudaDriver
{
    /// <summary>The driver library's file name, as the NVIDIA driver installs it on Linux.</summary>
    public const string Library = "libcuda.so.1";

    /// <summary>CUDA_SUCCESS.</summary>
    public const int Success = 0;

    /// <summary>CUDA_ERROR_NO_DEVICE: the driver is installed but sees no device.</summary>
    public const int ErrorNoDevice = 100;

    /// <summary>CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT.</summary>
    public const int AttributeMultiprocessorCount = 16;

    /// <summary>CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR.</summary>
    public const int AttributeComputeCapabilityMajor = 75;

    /// <summary>CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR.</summary>
    public const int AttributeComputeCapabilityMinor = 76;

    /// <summary>CU_JIT_ERROR_LOG_BUFFER: a host buffer for the PTX JIT's error messages.</summary>
    public const int JitErrorLogBuffer = 5;

    /// <summary>CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES: the size of that buffer (the value itself, cast to a pointer).</summary>
    public const int JitErrorLogBufferSizeBytes = 6;

    /// <summary>Throws a <see cref="CudaException"/> naming <paramref name="call"/> when <paramref name="result"/> is not success.</summary>
    public static void Check(int result, string call)
    {
        if (result != Success)
        {
            throw CudaException.From(result, call);
        }
    }

    /// <summary>Returns the driver's name of an error code (e.g. <c>CUDA_ERROR_NO_DEVICE</c>), or the number when it has none.</summary>
    public static string ErrorName(int result) =>
        cuGetErrorName(result, out var text) == Success && text != IntPtr.Zero
            ? Marshal.PtrToStringUTF8(text) ?? $"CUresult {result}"
            : $"CUresult {result}";

    /// <summary>Returns the driver's description of an error code, or an empty string when it has none.</summary>
    public static string ErrorDescription(int result) =>
        cuGetErrorString(result, out var text) == Success && text != IntPtr.Zero
            ? Marshal.PtrToStringUTF8(text) ?? string.Empty
            : string.Empty;

    // The driver's own names, so the calls read like the CUDA documentation.
    [DllImport(Library)]
    public static extern int cuInit(uint flags);

    [DllImport(Library)]
    public static extern int cuDriverGetVersion(out int version);

    [DllImport(Library)]
    public static extern int cuGetErrorName(int error, out IntPtr text);

    [DllImport(Library)]
    public static extern int cuGetErrorString(int error, out IntPtr text);

    [DllImport(Library)]
    public static extern int cuDeviceGetCount(out int count);

    [DllImport(Library)]
    public static extern int cuDeviceGet(out int device, int ordinal);

    [DllImport(Library)]
    public static extern int cuDeviceGetName([Out] byte[] name, int length, int device);

    [DllImport(Library)]
    public static extern int cuDeviceGetAttribute(out int value, int attribute, int device);

    [DllImport(Library)]
    public static extern int cuDeviceTotalMem_v2(out nuint bytes, int device);

    [DllImport(Library)]
    public static extern int cuDevicePrimaryCtxRetain(out IntPtr context, int device);

    [DllImport(Library)]
    public static extern int cuDevicePrimaryCtxRelease_v2(int device);

    [DllImport(Library)]
    public static extern int cuCtxPushCurrent_v2(IntPtr context);

    [DllImport(Library)]
    public static extern int cuCtxPopCurrent_v2(out IntPtr context);

    [DllImport(Library)]
    public static extern int cuCtxSynchronize();

    [DllImport(Library)]
    public static extern int cuModuleLoadDataEx(out IntPtr module, byte[] image, uint optionCount, int[] options, IntPtr[] optionValues);

    [DllImport(Library)]
    public static extern int cuModuleUnload(IntPtr module);

    [DllImport(Library)]
    public static extern int cuModuleGetFunction(out IntPtr function, IntPtr module, byte[] name);

    [DllImport(Library)]
    public static extern int cuMemAlloc_v2(out ulong pointer, nuint bytes);

    [DllImport(Library)]
    public static extern int cuMemFree_v2(ulong pointer);

    [DllImport(Library)]
    public static extern int cuMemcpyHtoD_v2(ulong destination, in double source, nuint bytes);

    [DllImport(Library)]
    public static extern int cuMemcpyDtoH_v2(ref double destination, ulong source, nuint bytes);

    [DllImport(Library)]
    public static extern int cuMemcpyDtoH_v2(ref int destination, ulong source, nuint bytes);

    [DllImport(Library)]
    public static extern int cuLaunchKernel(
        IntPtr function,
        uint gridX,
        uint gridY,
        uint gridZ,
        uint blockX,
        uint blockY,
        uint blockZ,
        uint sharedMemoryBytes,
        IntPtr stream,
        IntPtr parameters,
        IntPtr extra);
}
