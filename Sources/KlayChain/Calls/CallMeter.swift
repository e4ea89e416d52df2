import Dispatch
import KlayEVM

/// Watches an RPC call as it runs and stops it once its time limit has passed (`--rpc.evmtimeout`).
/// Steps carry no stack or memory, so watching costs little.
final class CallMeter: Tracer {
    private let deadline: UInt64?
    private var steps: UInt64 = 0
    /// The deadline passed; execution was stopped.
    private(set) var expired = false

    /// Stops execution `timeout` from now (never when nil).
    init(timeout: Duration?) {
        deadline = timeout.map { limit in
            let (seconds, attoseconds) = limit.components
            let nanoseconds = UInt64(max(0, seconds)) &* 1_000_000_000 &+ UInt64(max(0, attoseconds / 1_000_000_000))
            return DispatchTime.now().uptimeNanoseconds &+ nanoseconds
        }
    }

    var capture: TraceCapture { [] }

    var isAborted: Bool { expired }

    func step(_ step: TraceStep) {
        steps &+= 1
        if let deadline, steps & 0x3ff == 0, DispatchTime.now().uptimeNanoseconds >= deadline { expired = true }
    }
}
