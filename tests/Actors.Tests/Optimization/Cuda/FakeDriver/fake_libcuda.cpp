// A stand-in for the NVIDIA driver (libcuda.so.1) that runs gpu/threshold_grid.cu's kernel on the CPU, one emulated
// GPU thread after another. It exists so machines without a GPU still exercise every driver call the worker makes
// (the P/Invoke signatures, the kernel-parameter block, context push/pop, buffer sizes) and compare the results with
// the C# reference. It checks the rules the real driver enforces and the worker relies on: calls need cuInit and a
// current context, copies stay inside one allocation, the module is the threshold_grid PTX, a launch passes the
// kernel's 11 parameters with device pointers that cover what the kernel reads and writes.
//
// Built by the tests (FakeCudaDriver.cs) with: clang++ -shared -fPIC -O2 -ffp-contract=off -Wl,-soname,libcuda.so.1 \
//   -I <repo>/gpu fake_libcuda.cpp -o <dir>/libcuda.so.1
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <vector>

static int emulated_ctaid;
static int emulated_ntid;
static int emulated_tid;
#define __nvvm_read_ptx_sreg_ctaid_x() emulated_ctaid
#define __nvvm_read_ptx_sreg_ntid_x() emulated_ntid
#define __nvvm_read_ptx_sreg_tid_x() emulated_tid
#include "threshold_grid.cu"

namespace {
enum : int {
    kSuccess = 0,
    kInvalidValue = 1,
    kNotInitialized = 3,
    kInvalidDevice = 101,
    kInvalidImage = 200,
    kInvalidContext = 201,
    kInvalidHandle = 400,
    kNotFound = 500,
};

struct Names {
    int code;
    const char *name;
    const char *text;
};

const Names kNames[] = {
    {kSuccess, "CUDA_SUCCESS", "no error"},
    {kInvalidValue, "CUDA_ERROR_INVALID_VALUE", "invalid argument"},
    {kNotInitialized, "CUDA_ERROR_NOT_INITIALIZED", "initialization error"},
    {kInvalidDevice, "CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"},
    {kInvalidImage, "CUDA_ERROR_INVALID_IMAGE", "device kernel image is invalid"},
    {kInvalidContext, "CUDA_ERROR_INVALID_CONTEXT", "invalid device context"},
    {kInvalidHandle, "CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"},
    {kNotFound, "CUDA_ERROR_NOT_FOUND", "named symbol not found"},
};

std::mutex gate;
bool initialized = false;
int primary_context_token;
int primary_references = 0;
// A module is a heap object whose address is the CUmodule; its kernel handle is the address of its `kernel` field.
struct Module {
    int kernel;
};
std::set<Module *> modules;

bool loaded(const Module *module) {
    std::lock_guard<std::mutex> lock(gate);
    return modules.count(const_cast<Module *>(module)) != 0;
}
std::map<uint64_t, size_t> allocations;
thread_local std::vector<void *> context_stack;

bool current() { return !context_stack.empty() && context_stack.back() == &primary_context_token && primary_references > 0; }

// True when [address, address + bytes) lies inside one live allocation.
bool covered(uint64_t address, size_t bytes) {
    auto it = allocations.upper_bound(address);
    if (it == allocations.begin()) {
        return false;
    }
    --it;
    return address >= it->first && address + bytes <= it->first + it->second;
}
}  // namespace

#define API extern "C" __attribute__((visibility("default"))) int
#define REQUIRE(condition, error) \
    do {                          \
        if (!(condition)) {       \
            return (error);       \
        }                         \
    } while (0)

API cuGetErrorName(int error, const char **text) {
    for (const auto &entry : kNames) {
        if (entry.code == error) {
            *text = entry.name;
            return kSuccess;
        }
    }
    *text = nullptr;
    return kInvalidValue;
}

API cuGetErrorString(int error, const char **text) {
    for (const auto &entry : kNames) {
        if (entry.code == error) {
            *text = entry.text;
            return kSuccess;
        }
    }
    *text = nullptr;
    return kInvalidValue;
}

API cuInit(unsigned flags) {
    REQUIRE(flags == 0, kInvalidValue);
    std::lock_guard<std::mutex> lock(gate);
    initialized = true;
    return kSuccess;
}

API cuDriverGetVersion(int *version) {
    *version = 12080;
    return kSuccess;
}

API cuDeviceGetCount(int *count) {
    REQUIRE(initialized, kNotInitialized);
    *count = 1;
    return kSuccess;
}

API cuDeviceGet(int *device, int ordinal) {
    REQUIRE(initialized, kNotInitialized);
    REQUIRE(ordinal == 0, kInvalidDevice);
    *device = 0;
    return kSuccess;
}

API cuDeviceGetName(char *name, int length, int device) {
    REQUIRE(initialized, kNotInitialized);
    REQUIRE(device == 0, kInvalidDevice);
    REQUIRE(length > 0, kInvalidValue);
    std::strncpy(name, "Fake CUDA Device (CPU)", static_cast<size_t>(length) - 1);
    name[length - 1] = '\0';
    return kSuccess;
}

API cuDeviceGetAttribute(int *value, int attribute, int device) {
    REQUIRE(initialized, kNotInitialized);
    REQUIRE(device == 0, kInvalidDevice);
    switch (attribute) {
        case 16: *value = 4; return kSuccess;  // multiprocessors
        case 75: *value = 8; return kSuccess;  // compute capability major
        case 76: *value = 0; return kSuccess;  // compute capability minor
        default: return kInvalidValue;
    }
}

API cuDeviceTotalMem_v2(size_t *bytes, int device) {
    REQUIRE(initialized, kNotInitialized);
    REQUIRE(device == 0, kInvalidDevice);
    *bytes = size_t{8} << 30;
    return kSuccess;
}

API cuDevicePrimaryCtxRetain(void **context, int device) {
    REQUIRE(initialized, kNotInitialized);
    REQUIRE(device == 0, kInvalidDevice);
    std::lock_guard<std::mutex> lock(gate);
    primary_references++;
    *context = &primary_context_token;
    return kSuccess;
}

API cuDevicePrimaryCtxRelease_v2(int device) {
    REQUIRE(device == 0, kInvalidDevice);
    std::lock_guard<std::mutex> lock(gate);
    REQUIRE(primary_references > 0, kInvalidContext);
    primary_references--;
    return kSuccess;
}

API cuCtxPushCurrent_v2(void *context) {
    REQUIRE(context == &primary_context_token && primary_references > 0, kInvalidContext);
    context_stack.push_back(context);
    return kSuccess;
}

API cuCtxPopCurrent_v2(void **context) {
    REQUIRE(!context_stack.empty(), kInvalidContext);
    if (context != nullptr) {
        *context = context_stack.back();
    }
    context_stack.pop_back();
    return kSuccess;
}

API cuCtxSynchronize() {
    REQUIRE(current(), kInvalidContext);
    return kSuccess;
}

API cuModuleLoadDataEx(void **module, const void *image, unsigned count, int *options, void **values) {
    REQUIRE(current(), kInvalidContext);
    const char *ptx = static_cast<const char *>(image);
    REQUIRE(std::strstr(ptx, ".visible .entry threshold_grid(") != nullptr && std::strstr(ptx, ".target sm_") != nullptr, kInvalidImage);
    for (unsigned i = 0; i < count; i++) {
        if (options[i] == 5) {  // CU_JIT_ERROR_LOG_BUFFER: the real JIT writes its (here empty) log there
            static_cast<char *>(values[i])[0] = '\0';
        }
    }
    auto *loaded_module = new Module{0};
    std::lock_guard<std::mutex> lock(gate);
    modules.insert(loaded_module);
    *module = loaded_module;
    return kSuccess;
}

API cuModuleUnload(void *module) {
    REQUIRE(current(), kInvalidContext);
    auto *unloaded = static_cast<Module *>(module);
    REQUIRE(loaded(unloaded), kInvalidHandle);
    std::lock_guard<std::mutex> lock(gate);
    modules.erase(unloaded);
    delete unloaded;
    return kSuccess;
}

API cuModuleGetFunction(void **function, void *module, const char *name) {
    auto *owner = static_cast<Module *>(module);
    REQUIRE(loaded(owner), kInvalidHandle);
    REQUIRE(std::strcmp(name, "threshold_grid") == 0, kNotFound);
    *function = &owner->kernel;
    return kSuccess;
}

API cuMemAlloc_v2(uint64_t *pointer, size_t bytes) {
    REQUIRE(current(), kInvalidContext);
    REQUIRE(bytes > 0, kInvalidValue);
    void *block = std::malloc(bytes);
    REQUIRE(block != nullptr, kInvalidValue);
    std::lock_guard<std::mutex> lock(gate);
    *pointer = reinterpret_cast<uint64_t>(block);
    allocations[*pointer] = bytes;
    return kSuccess;
}

API cuMemFree_v2(uint64_t pointer) {
    REQUIRE(current(), kInvalidContext);
    std::lock_guard<std::mutex> lock(gate);
    auto it = allocations.find(pointer);
    REQUIRE(it != allocations.end(), kInvalidValue);
    allocations.erase(it);
    std::free(reinterpret_cast<void *>(pointer));
    return kSuccess;
}

API cuMemcpyHtoD_v2(uint64_t destination, const void *source, size_t bytes) {
    REQUIRE(current(), kInvalidContext);
    REQUIRE(covered(destination, bytes), kInvalidValue);
    std::memcpy(reinterpret_cast<void *>(destination), source, bytes);
    return kSuccess;
}

API cuMemcpyDtoH_v2(void *destination, uint64_t source, size_t bytes) {
    REQUIRE(current(), kInvalidContext);
    REQUIRE(covered(source, bytes), kInvalidValue);
    std::memcpy(destination, reinterpret_cast<const void *>(source), bytes);
    return kSuccess;
}

API cuLaunchKernel(void *function, unsigned grid_x, unsigned grid_y, unsigned grid_z, unsigned block_x,
                   unsigned block_y, unsigned block_z, unsigned shared_bytes, void *stream, void **parameters,
                   void **extra) {
    REQUIRE(current(), kInvalidContext);
    // The kernel field is the module's first member, so the function handle is also the module's address.
    REQUIRE(loaded(static_cast<Module *>(function)), kInvalidHandle);
    REQUIRE(grid_y == 1 && grid_z == 1 && block_y == 1 && block_z == 1 && block_x > 0 && block_x <= 1024, kInvalidValue);
    REQUIRE(shared_bytes == 0 && stream == nullptr && extra == nullptr && parameters != nullptr, kInvalidValue);

    const uint64_t closes = *static_cast<uint64_t *>(parameters[0]);
    const int bars = *static_cast<int *>(parameters[1]);
    const uint64_t buys = *static_cast<uint64_t *>(parameters[2]);
    const uint64_t sells = *static_cast<uint64_t *>(parameters[3]);
    const int count = *static_cast<int *>(parameters[4]);
    const double buy_factor = *static_cast<double *>(parameters[5]);
    const double buy_divisor = *static_cast<double *>(parameters[6]);
    const double sell_slip_factor = *static_cast<double *>(parameters[7]);
    const uint64_t equity = *static_cast<uint64_t *>(parameters[8]);
    const uint64_t trades = *static_cast<uint64_t *>(parameters[9]);
    const uint64_t drawdown = *static_cast<uint64_t *>(parameters[10]);
    const size_t n = static_cast<size_t>(count);
    REQUIRE(bars >= 0 && count > 0 && static_cast<uint64_t>(grid_x) * block_x >= n, kInvalidValue);
    REQUIRE(covered(closes, static_cast<size_t>(bars) * 8) && covered(buys, n * 8) && covered(sells, n * 8), kInvalidValue);
    REQUIRE(covered(equity, n * 8) && covered(trades, n * 4) && covered(drawdown, n * 8), kInvalidValue);

    emulated_ntid = static_cast<int>(block_x);
    for (unsigned block = 0; block < grid_x; block++) {
        emulated_ctaid = static_cast<int>(block);
        for (unsigned thread = 0; thread < block_x; thread++) {
            emulated_tid = static_cast<int>(thread);
            threshold_grid(reinterpret_cast<const double *>(closes), bars, reinterpret_cast<const double *>(buys),
                           reinterpret_cast<const double *>(sells), count, buy_factor, buy_divisor, sell_slip_factor,
                           reinterpret_cast<double *>(equity), reinterpret_cast<int *>(trades),
                           reinterpret_cast<double *>(drawdown));
        }
    }
    return kSuccess;
}
