import KlayPrimitives

/// Receives one EIP-3155-style step per executed opcode (for `debug_traceTransaction` and `klay evm run --trace`).
public protocol Tracer: AnyObject {
    func step(_ step: TraceStep)
}

/// The machine state just before an opcode runs.
public struct TraceStep: Sendable {
    public let pc: Int
    public let opcode: UInt8
    public let opcodeName: String
    public let gas: UInt64
    public let gasCost: UInt64
    public let depth: Int
    public let stack: [UInt256]
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
