import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` spread over all cores, results in order: for independent, costly per-element work such as
    /// signature recovery. A few chunks per core balance uneven elements without per-element overhead.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let output = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { output.deallocate() }
        nonisolated(unsafe) let destination = output
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    (destination.baseAddress! + index).initialize(to: transform(self[index]))
                }
            }
        }
        let results = Array<T>(output)
        _ = output.deinitialize()
        return results
    }
}
