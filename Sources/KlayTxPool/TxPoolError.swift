import KlayPrimitives
import KlayTypes

/// Why the pool refused a transaction. ``description`` is Klaytn's exact Go text
/// (`klaytn:blockchain/error.go`, `tx_pool.go`, `kerrors/kerrors.go`; spec/transactions.md §11.1), which
/// JSON-RPC returns as the error message.
public enum TxPoolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A ChainDataAnchoring transaction from the local RPC while ``TxPoolConfig/allowLocalAnchorTx`` is off.
    case localAnchoringNotAllowed
    /// The transaction (same hash) is already in the pool.
    case knownTransaction(Hash)
    /// A remote batch did not fit in the pool's remaining capacity (`txPoolIsFullErr`).
    case batchExceedsCapacity
    /// The pool is full: a local submission found no room, or the sender has no future transactions
    /// that could make room. The count is the number of transactions in the pool.
    case poolFull(count: Int)
    /// The pool is full and the transaction fills no nonce gap of its sender.
    case poolFullWithoutMissingNonce(count: Int)
    /// The pool is full and a remote transaction pays less than the cheapest one it would displace.
    case underpriced
    /// An Ethereum typed transaction before the EthTxType fork.
    case txTypeNotSupported
    /// From Shanghai, a transaction without recipient carrying more than 49 152 bytes of data.
    case maxInitCodeSizeExceeded(size: Int)
    /// A protected transaction signed for another chain.
    case invalidChainID
    /// EIP-1559: the priority fee exceeds the fee cap.
    case tipAboveFeeCap
    /// Before Magma, an EIP-1559 tip other than the unit price.
    case invalidGasTipCap
    /// Before Magma, an EIP-1559 fee cap other than the unit price.
    case invalidGasFeeCap
    /// From Magma, an EIP-1559 fee cap below the next base fee.
    case feeCapBelowBaseFee
    /// Before Magma, a gas price other than the unit price.
    case invalidUnitPrice
    /// From Magma, a gas price below the next base fee.
    case gasPriceBelowBaseFee
    /// The encoded transaction exceeds 128 KiB.
    case oversizedData
    /// The sender's signatures do not recover or do not satisfy its account key.
    case invalidSender(SignerError)
    /// The nonce is below the sender's account nonce.
    case nonceTooLow
    /// The fee payer's signatures do not recover or do not satisfy its account key.
    case invalidFeePayer(SignerError)
    /// A ratio type's fee ratio outside 1…99.
    case feeRatioOutOfRange
    /// The sender cannot pay its share (value, plus its part of the fee).
    case insufficientFundsOfSender
    /// The fee payer cannot pay its share of the fee.
    case insufficientFundsOfFeePayer
    /// The gas limit is below the intrinsic gas (including signature-validation gas).
    case intrinsicGasTooLow
    /// A value-transfer type sent to a program account.
    case notForProgramAccount
    /// Smart contract execution sent to an account without runnable code.
    case notProgramAccount
    /// A transaction rule from KlayTypes (recipient, deploy fields, gas overflow…).
    case transactionRule(TxError)
    /// An account key rule (an AccountUpdate's new key, a key with too many members).
    case accountKeyRule(AccountKeyError)
    /// A transaction with the same sender and nonce is in the pool and this one may not replace it.
    case nonceAlreadyInPool

    public var description: String {
        switch self {
        case .localAnchoringNotAllowed: return "locally anchoring chaindata tx is not allowed in this node"
        case .knownTransaction(let hash): return "known transaction: \(Hex.encode(hash.bytes, prefix: false))"
        case .batchExceedsCapacity: return "txpool is full"
        case .poolFull(let count): return "txpool is full: \(count)"
        case .poolFullWithoutMissingNonce(let count):
            return "txpool is full and the new tx does not have missing nonce: \(count)"
        case .underpriced: return "transaction underpriced"
        case .txTypeNotSupported: return "transaction type not supported"
        case .maxInitCodeSizeExceeded(let size):
            return "max initcode size exceeded: code size \(size), limit \(GasRules.maxInitCodeSize)"
        case .invalidChainID: return "invalid chain id"
        case .tipAboveFeeCap: return "max fee per gas higher than max priority fee per gas"
        case .invalidGasTipCap: return "invalid gas tip cap. It must be set to the same value as gas unit price"
        case .invalidGasFeeCap: return "invalid gas fee cap. It must be set to the same value as gas unit price"
        case .feeCapBelowBaseFee: return "invalid gas fee cap. It must be set to value greater than or equal to baseFee"
        case .invalidUnitPrice: return "invalid unit price"
        case .gasPriceBelowBaseFee: return "invalid gas price. It must be set to value greater than or equal to baseFee"
        case .oversizedData: return "oversized data"
        case .invalidSender(let error): return "invalid sender: \(error)"
        case .nonceTooLow: return "nonce too low"
        case .invalidFeePayer(let error): return "invalid fee payer: \(error)"
        case .feeRatioOutOfRange: return "fee ratio is out of range [1, 99]"
        case .insufficientFundsOfSender: return "insufficient funds of the sender for value "
        case .insufficientFundsOfFeePayer: return "insufficient funds of the fee payer for gas * price"
        case .intrinsicGasTooLow: return "intrinsic gas too low"
        case .notForProgramAccount: return "this type transaction cannot be sent to contract addresses"
        case .notProgramAccount: return "not a program account (e.g., an account having code and storage)"
        case .transactionRule(let error): return error.description
        case .accountKeyRule(let error): return error.description
        case .nonceAlreadyInPool: return "there is another tx which has the same nonce in the tx pool"
        }
    }
}

/// Why a sender's or fee payer's signatures were refused: recovery failed, or the recovered keys do
/// not satisfy the account's key. The pool prefixes it with `invalid sender: ` or `invalid fee payer: `.
public enum SignerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Recovery failed (`invalid transaction v, r, s values`, `invalid chain id for signer`…).
    case recovery(TxError)
    /// The signers do not satisfy the account key (`invalid account key`, `a legacy transaction must be
    /// with a legacy account key`…).
    case accountKey(AccountKeyError)

    public var description: String {
        switch self {
        case .recovery(let error): return error.description
        case .accountKey(let error): return error.description
        }
    }
}
