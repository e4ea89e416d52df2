import Foundation

/// Runs a body repeatedly for a wall-clock budget and reports operations per second.
struct BenchClock {
    /// Seconds each measurement runs.
    let seconds: Double

    /// Calls `batch` (which performs `operationsPerBatch` operations) until the budget is spent,
    /// after one untimed warm-up call, and returns operations per second.
    func rate(operationsPerBatch: Int, _ batch: () -> Void) -> Double {
        batch()
        let clock = ContinuousClock()
        let start = clock.now
        var operations = 0
        var elapsed: Duration = .zero
        repeat {
            batch()
            operations += operationsPerBatch
            elapsed = clock.now - start
        } while elapsed < .seconds(seconds)
        let components = elapsed.components
        return Double(operations) / (Double(components.seconds) + Double(components.attoseconds) * 1e-18)
    }
}

/// Keeps a benchmark's result observable so the optimizer cannot drop the work.
@inline(never)
func benchSink<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
