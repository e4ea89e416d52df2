import KlayPrimitives
import KlayTypes

/// What a message call did (`klaytn:blockchain/state_transition.go` `ExecutionResult`): its receipt
/// status, the gas it used after refunds, what it returned or reverted with, and its computation cost.
public struct CallOutcome: Sendable, Equatable {
    public var status: ReceiptStatus
    public var gasUsed: UInt64
    /// The return data on success, the revert data after REVERT, empty after any other failure.
    public var output: [UInt8]
    /// Klaytn's computation cost of the executed opcodes (spec/evm.md §3).
    public var computationCost: UInt64

    public init(status: ReceiptStatus, gasUsed: UInt64, output: [UInt8], computationCost: UInt64) {
        self.status = status
        self.gasUsed = gasUsed
        self.output = output
        self.computationCost = computationCost
    }

    /// Whether execution failed (any status but success).
    public var failed: Bool { !status.isSuccess }

    /// `Revert()`: the data of a REVERT (possibly empty), nil for any other outcome.
    public var revertData: [UInt8]? { status == ReceiptStatus(rawValue: 0x09) ? output : nil }

    /// `Return()`: the output of a successful call, empty after a failure.
    public var returnData: [UInt8] { failed ? [] : output }
}
