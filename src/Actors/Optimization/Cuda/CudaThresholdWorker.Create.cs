using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ActorArb.Actors.Optimization.Cuda;

/// <content>Finding the driver and the device, and loading the kernel.</content>
public sealed partial class CudaThresholdWorker
{
    /// <summary>The device the worker uses: the first one, as the driver orders them (CUDA_VISIBLE_DEVICES selects).</summary>
    private const int DeviceOrdinal = 0;

    /// <summary>
    /// Tries to create a worker on CUDA device 0: loads the driver (<c>libcuda.so.1</c>), initialises it, retains the
    /// device's primary context and loads the embedded kernel PTX, which the driver JITs for the device. Never throws
    /// for a missing driver or device.
    /// </summary>
    /// <param name="worker">The worker, when this returns true.</param>
    /// <param name="reason">
    /// On success, the device (see <see cref="Description"/>); otherwise one line saying why there is no GPU worker,
    /// e.g. <c>no CUDA driver (libcuda.so.1 not found)</c>, <c>no CUDA device</c> or
    /// <c>cuModuleLoadDataEx failed: CUDA_ERROR_INVALID_PTX (…): …</c>.
    /// </param>
    /// <returns>True when the GPU is ready.</returns>
    public static bool TryCreate([NotNullWhen(true)] out CudaThresholdWorker? worker, out string reason)
    {
        worker = null;
        if (!NativeLibrary.TryLoad(CudaDriver.Library, out _))
        {
            reason = $"no CUDA driver ({CudaDriver.Library} not found)";
            return false;
        }

        CudaContextHandle? context = null;
        CudaModuleHandle? module = null;
        try
        {
            var init = CudaDriver.cuInit(0);
            if (init == CudaDriver.ErrorNoDevice)
            {
                reason = $"no CUDA device (cuInit: {CudaDriver.ErrorName(init)})";
                return false;
            }

            CudaDriver.Check(init, nameof(CudaDriver.cuInit));
            CudaDriver.Check(CudaDriver.cuDeviceGetCount(out var count), nameof(CudaDriver.cuDeviceGetCount));
            if (count == 0)
            {
                reason = "no CUDA device";
                return false;
            }

            CudaDriver.Check(CudaDriver.cuDeviceGet(out var device, DeviceOrdinal), nameof(CudaDriver.cuDeviceGet));
            var name = ReadDeviceName(device);
            var description = Describe(device, name);
            context = CudaContextHandle.Retain(device);
            IntPtr kernel;
            using (context.Push())
            {
                module = CudaModuleHandle.Load(context, ThresholdGridPtx.Read());
                kernel = module.GetFunction(ThresholdGridPtx.EntryName);
            }

            worker = new CudaThresholdWorker(context, module, kernel, name, description);
            reason = description;
            return true;
        }
        catch (CudaException e)
        {
            reason = e.Message;
        }
        catch (EntryPointNotFoundException e)
        {
            reason = $"the CUDA driver is too old for this worker ({e.Message})";
        }

        module?.Dispose();
        context?.Dispose();
        return false;
    }

    private static string ReadDeviceName(int device)
    {
        var buffer = new byte[256];
        CudaDriver.Check(CudaDriver.cuDeviceGetName(buffer, buffer.Length, device), nameof(CudaDriver.cuDeviceGetName));
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }

    private static string Describe(int device, string name)
    {
        CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(out var major, CudaDriver.AttributeComputeCapabilityMajor, device), nameof(CudaDriver.cuDeviceGetAttribute));
        CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(out var minor, CudaDriver.AttributeComputeCapabilityMinor, device), nameof(CudaDriver.cuDeviceGetAttribute));
        CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(out var multiprocessors, CudaDriver.AttributeMultiprocessorCount, device), nameof(CudaDriver.cuDeviceGetAttribute));
        CudaDriver.Check(CudaDriver.cuDeviceTotalMem_v2(out var bytes, device), nameof(CudaDriver.cuDeviceTotalMem_v2));
        CudaDriver.Check(CudaDriver.cuDriverGetVersion(out var version), nameof(CudaDriver.cuDriverGetVersion));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name} (compute capability {major}.{minor}, {multiprocessors} SMs, {bytes / (1024.0 * 1024 * 1024):F1} GiB, CUDA driver {version / 1000}.{version % 1000 / 10})");
    }
}
