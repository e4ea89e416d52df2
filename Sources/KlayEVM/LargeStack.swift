import Foundation

/// Runs work that may nest EVM calls 1 024 deep on a thread with a stack large enough for it.
///
/// Each call frame recurses through the interpreter, so the depth limit needs several megabytes of
/// stack; threads of Swift's cooperative pool and of test runners have far less.
public enum LargeStack {
    /// Stack size of the worker thread: 256 MiB leaves room for unoptimised builds too.
    public static let size = 256 << 20

    /// Runs `body` on a thread with a ``size`` stack and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
