import Dispatch

/// Where the time of one block went, in nanoseconds: for the node's metrics and `klay bench chain`.
public struct BlockTimings: Sendable, Equatable {
    /// Signature recovery (zero when the senders came recovered, e.g. from the pool).
    public var recovery: UInt64 = 0
    /// Applying the transactions and the reward.
    public var execution: UInt64 = 0
    /// Hashing the changed state into the tries (the state root).
    public var stateRoot: UInt64 = 0
    /// Writing the block, its state and indexes to the database.
    public var write: UInt64 = 0

    public init(recovery: UInt64 = 0, execution: UInt64 = 0, stateRoot: UInt64 = 0, write: UInt64 = 0) {
        self.recovery = recovery
        self.execution = execution
        self.stateRoot = stateRoot
        self.write = write
    }

    /// A monotonic stopwatch: ``lap()`` returns the nanoseconds since the previous lap (or creation).
    struct Clock {
        private var last = DispatchTime.now().uptimeNanoseconds

        mutating func lap() -> UInt64 {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { last = now }
            return now - last
        }
    }
}
