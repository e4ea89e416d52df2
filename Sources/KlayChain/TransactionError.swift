import KlayEVM
import KlayTypes

/// Why a transaction cannot be part of a block: a block containing it is invalid, and a block builder
/// leaves it out. Descriptions are Klaytn's texts (spec/transactions.md §11.1).
public enum TransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Decoding-level or per-type `Validate` rule.
    case invalid(TxError)
    /// Ethereum typed transaction before the EthTxType fork.
    case typeNotSupported
    /// The sender's signatures do not satisfy its account key (or its key forbids the type).
    case sender(AccountKeyError)
    /// The fee payer's signatures do not satisfy its account key.
    case feePayer(AccountKeyError)
    /// An AccountUpdate's new key cannot replace the current one.
    case key(AccountKeyError)
    /// A value transfer to a smart contract account.
    case notForProgramAccount
    /// A contract execution whose target has no code.
    case notProgramAccount
    /// The state transition refused it (nonce, balances, intrinsic gas).
    case transition(TransitionError)

    public var description: String {
        switch self {
        case .invalid(let error): return error.description
        case .typeNotSupported: return "transaction type not supported"
        case .sender(let error): return "invalid sender: \(error)"
        case .feePayer(let error): return "invalid fee payer: \(error)"
        case .key(let error): return error.description
        case .notForProgramAccount: return "this type transaction cannot be sent to contract addresses"
        case .notProgramAccount: return "not a program account (e.g., an account having code and storage)"
        case .transition(let error): return error.description
        }
    }
}
