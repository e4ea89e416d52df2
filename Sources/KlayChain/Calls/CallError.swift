import KlayEVM
import KlayPrimitives

/// Why a message call, a gas estimate or a trace could not produce a result, with Klaytn's texts
/// (`klaytn:api/api_public_blockchain.go` `DoCall`, `blockchain/evm.go` `DoEstimateGas`).
/// A call whose execution fails is not an error here: its ``CallOutcome`` carries the status.
public enum CallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Arguments the message cannot be built from (mixed fee styles, an overflowing intrinsic gas).
    case invalidArguments(String)
    /// The gas does not cover the intrinsic gas: `intrinsic gas too low: msg.gas N, want M`.
    case intrinsicGasTooLow(gas: UInt64, intrinsic: UInt64)
    /// The state transition refused the message: `err: <reason> (supplied gas N)`.
    case transition(TransitionError, gas: UInt64)
    /// The call ran past its time limit: `execution aborted (timeout = 5s)`.
    case timeout(Duration)
    /// Gas estimation with a price: the value is not below the balance.
    case insufficientFundsForTransfer
    /// Gas estimation: even the highest allowed gas fails for lack of gas.
    case gasRequiredExceedsAllowance(UInt64)
    /// Gas estimation: the highest allowed gas fails for another reason (REVERT keeps its data).
    case executionFailed(CallOutcome)
    /// A traced message the state transition refused: `tracing failed: <reason>`.
    case tracingFailed(TransitionError)
    /// The block's state (or the state before a transaction) is not available, or re-executing the
    /// block's earlier transactions failed; the text says which.
    case unavailable(String)

    public var description: String {
        switch self {
        case .invalidArguments(let text): return text
        case .intrinsicGasTooLow(let gas, let intrinsic): return "intrinsic gas too low: msg.gas \(gas), want \(intrinsic)"
        case .transition(let error, let gas): return "err: \(error) (supplied gas \(gas))"
        case .timeout(let limit): return "execution aborted (timeout = \(Self.goDuration(limit)))"
        case .insufficientFundsForTransfer: return "insufficient funds for transfer"
        case .gasRequiredExceedsAllowance(let cap): return "gas required exceeds allowance (\(cap))"
        case .executionFailed(let outcome): return outcome.status.description
        case .tracingFailed(let error): return "tracing failed: \(error)"
        case .unavailable(let text): return text
        }
    }

    /// `duration` as Go's `time.Duration.String` writes it (`5s`, `1.5s`, `250ms`, `1m30s`).
    static func goDuration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        if nanoseconds == 0 { return "0s" }
        if nanoseconds < 1_000 { return "\(nanoseconds)ns" }
        if nanoseconds < 1_000_000 { return fraction(nanoseconds, unit: 1_000) + "µs" }
        if nanoseconds < 1_000_000_000 { return fraction(nanoseconds, unit: 1_000_000) + "ms" }
        let hours = nanoseconds / 3_600_000_000_000
        let minutes = nanoseconds / 60_000_000_000 % 60
        let secondsText = fraction(nanoseconds % 60_000_000_000, unit: 1_000_000_000) + "s"
        if hours > 0 { return "\(hours)h\(minutes)m" + secondsText }
        if minutes > 0 { return "\(minutes)m" + secondsText }
        return secondsText
    }

    /// `value / unit` with the fraction's trailing zeros dropped.
    private static func fraction(_ value: Int64, unit: Int64) -> String {
        let whole = value / unit
        let rest = value % unit
        guard rest != 0 else { return "\(whole)" }
        var digits = String(rest)
        digits = String(repeating: "0", count: String(unit).count - 1 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
