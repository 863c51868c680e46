using System.Runtime.InteropServices;
using System.Text;

namespace ActorArb.Actors.Optimization.Cuda;

/// <summary>A module loaded from PTX text (the driver JITs it for the context's device) and its kernels.</summary>
internal sealed class CudaModuleHandle : CudaContextBoundHandle
{
    private const int JitLogBytes = 8192;

    private CudaModuleHandle(CudaContextHandle context)
        : base(context)
    {
    }

    /// <summary>Loads <paramref name="ptx"/> into <paramref name="context"/>, which must be current.</summary>
    /// <exception cref="CudaException">The driver refused the PTX; the message carries the JIT's error log.</exception>
    public static CudaModuleHandle Load(CudaContextHandle context, string ptx)
    {
        var image = NullTerminated(ptx);
        var log = Marshal.AllocHGlobal(JitLogBytes);
        try
        {
            Marshal.WriteByte(log, 0);
            int[] options = [CudaDriver.JitErrorLogBuffer, CudaDriver.JitErrorLogBufferSizeBytes];

            // The driver reads a size option's value from the pointer slot itself, not from memory it points to.
            IntPtr[] values = [log, JitLogBytes];
            var result = CudaDriver.cuModuleLoadDataEx(out var raw, image, (uint)options.Length, options, values);
            if (result != CudaDriver.Success)
            {
                throw CudaException.From(result, nameof(CudaDriver.cuModuleLoadDataEx), Marshal.PtrToStringUTF8(log));
            }

            var module = new CudaModuleHandle(context);
            module.Bind(raw);
            return module;
        }
        finally
        {
            Marshal.FreeHGlobal(log);
        }
    }

    /// <summary>Returns the kernel named <paramref name="name"/>; it lives as long as this module.</summary>
    /// <exception cref="CudaException">The module has no such kernel.</exception>
    public IntPtr GetFunction(string name)
    {
        CudaDriver.Check(CudaDriver.cuModuleGetFunction(out var function, handle, NullTerminated(name)), nameof(CudaDriver.cuModuleGetFunction));
        return function;
    }

    /// <inheritdoc />
    protected override int Release(IntPtr raw) => CudaDriver.cuModuleUnload(raw);

    private static byte[] NullTerminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
