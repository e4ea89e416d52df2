/// Why a transaction cannot be applied at all: a block containing it is invalid, and a block builder
/// skips it. Texts are Klaytn's (`klaytn:blockchain/error.go`, `state_transition.go`).
public enum TransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    case nonceTooHigh
    case nonceTooLow
    case insufficientFeePayerBalance
    case insufficientSenderBalance
    case intrinsicGasTooLow
    case insufficientBalanceForTransfer
    case maxInitCodeSizeExceeded

    public var description: String {
        switch self {
        case .nonceTooHigh: return "nonce too high"
        case .nonceTooLow: return "nonce too low"
        case .insufficientFeePayerBalance: return "insufficient balance of the fee payer to pay for gas"
        case .insufficientSenderBalance: return "insufficient balance of the sender to pay for gas"
        case .intrinsicGasTooLow: return "intrinsic gas too low"
        case .insufficientBalanceForTransfer: return "insufficient balance for transfer"
        case .maxInitCodeSizeExceeded: return "max initcode size exceeded"
        }
    }
}
