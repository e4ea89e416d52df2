import KlayPrimitives

/// Receives the execution as it happens (for `debug_traceTransaction`, `klay evm run --trace`, and the
/// deadline of RPC calls). Only ``step(_:)`` is required; the other members have neutral defaults.
///
/// The calls arrive in execution order: a ``step(_:)`` before each opcode of a frame that runs code,
/// ``calleeReturned(sent:returned:)`` when a CALL- or CREATE-family opcode gets its callee's answer
/// (precompiles and code-less targets included), and ``frameEnded(gasLeft:error:)`` when a frame that ran
/// code stops. With these a tracer can compute each opcode's full cost (static, dynamic and, for the
/// CALL family, the gas handed on) the way Klaytn's interpreter reports it.
public protocol Tracer: AnyObject {
    /// What each ``TraceStep`` carries beyond its counters; copies of the stack and memory cost time.
    var capture: TraceCapture { get }

    /// Called before each opcode, before its stack and gas checks.
    func step(_ step: TraceStep)

    /// The CALL- or CREATE-family opcode last stepped in the current frame handed `sent` gas to its callee
    /// (the stipend included) and got `returned` back.
    func calleeReturned(sent: UInt64, returned: UInt64)

    /// The frame that ran the last steps at its depth ended with `gasLeft` (before a failure burns it)
    /// and `error` (nil on success, ``ExecutionError/executionReverted`` after REVERT).
    func frameEnded(gasLeft: UInt64, error: ExecutionError?)

    /// Checked before each opcode: when true, every running frame fails at its next opcode (with
    /// ``ExecutionError/computationCostLimitReached``), so execution stops quickly. The caller that
    /// asked for the stop discards the result.
    var isAborted: Bool { get }
}

extension Tracer {
    /// By default a step carries the stack but not memory.
    public var capture: TraceCapture { .stack }
    public func calleeReturned(sent: UInt64, returned: UInt64) {}
    public func frameEnded(gasLeft: UInt64, error: ExecutionError?) {}
    public var isAborted: Bool { false }
}

/// The optional parts of a ``TraceStep``.
public struct TraceCapture: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The stack items, bottom first.
    public static let stack = TraceCapture(rawValue: 1)
    /// The frame's memory bytes.
    public static let memory = TraceCapture(rawValue: 2)
}

/// The machine state just before an opcode runs (before its checks and gas).
public struct TraceStep: Sendable {
    public let pc: Int
    public let opcode: UInt8
    public let opcodeName: String
    /// Gas left before the opcode.
    public let gas: UInt64
    /// The opcode's static gas (the dynamic part is known only once it ran).
    public let gasCost: UInt64
    /// 1 for the transaction's own frame, one more per nested call.
    public let depth: Int
    /// The account whose storage the frame acts on (ADDRESS).
    public let address: Address
    /// Bottom first; empty unless the tracer captures ``TraceCapture/stack``.
    public let stack: [UInt256]
    /// Empty unless the tracer captures ``TraceCapture/memory``.
    public let memory: [UInt8]
    public let memorySize: Int
    public let refund: UInt64
    /// Klaytn: computation cost used before the opcode and the opcode's own cost.
    public let computationUsed: UInt64
    public let computationCost: UInt64
}

/// Compile-time switch for the tracer hook: the loop is specialised for each, so the untraced one
/// has no tracing code at all.
protocol TraceMode { static var isEnabled: Bool { get } }
enum Traced: TraceMode { static var isEnabled: Bool { true } }
enum Untraced: TraceMode { static var isEnabled: Bool { false } }
