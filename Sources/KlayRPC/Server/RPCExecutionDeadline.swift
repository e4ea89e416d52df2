import Synchronization

/// Runs work with a time limit the way Go's `http.TimeoutHandler` does: when the limit passes first the
/// caller gets the timeout value at once, and the work is cancelled but not waited for.
enum RPCExecutionDeadline {
    static func run<Value: Sendable>(
        limit: Duration,
        onTimeout: Value,
        _ work: @escaping @Sendable () async -> Value
    ) async -> Value {
        await withCheckedContinuation { (continuation: CheckedContinuation<Value, Never>) in
            let race = Race(continuation)
            race.start(
                Task { race.finish(await work()) },
                Task {
                    guard (try? await Task.sleep(for: limit)) != nil else { return }
                    race.finish(onTimeout)
                }
            )
        }
    }

    /// The first of the work and the timer to finish resumes the caller and cancels both.
    private final class Race<Value: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Value, Never>?
            var tasks: [Task<Void, Never>] = []
        }

        private let state: Mutex<State>

        init(_ continuation: CheckedContinuation<Value, Never>) {
            state = Mutex(State(continuation: continuation))
        }

        func start(_ worker: Task<Void, Never>, _ timer: Task<Void, Never>) {
            let finished = state.withLock { state in
                state.tasks = [worker, timer]
                return state.continuation == nil
            }
            if finished {
                worker.cancel()
                timer.cancel()
            }
        }

        func finish(_ value: Value) {
            let winner = state.withLock { state -> (CheckedContinuation<Value, Never>, [Task<Void, Never>])? in
                guard let continuation = state.continuation else { return nil }
                state.continuation = nil
                return (continuation, state.tasks)
            }
            guard let (continuation, tasks) = winner else { return }
            tasks.forEach { $0.cancel() }
            continuation.resume(returning: value)
        }
    }
}
