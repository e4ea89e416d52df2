import KlayPrimitives
import KlayTypes

/// A transaction reduced to what its state transition needs, with the sender, the fee payer and the
/// intrinsic gas already established (signatures and keys are checked before, by the chain; state
/// tests give the sender directly). One shape for every transaction type, so blocks and state tests
/// run the same transition (`klaytn:blockchain/state_transition.go`).
public struct TransitionMessage: Sendable {
    /// What the transaction does once its gas is bought.
    public enum Action: Sendable, Equatable {
        /// Increment the sender's nonce, then a message call (value transfers, executions, legacy calls).
        case call(to: Address)
        /// Contract creation (deploys and legacy/Ethereum creations); the EVM increments the nonce.
        case create
        /// AccountUpdate: increment the nonce, then replace the sender's key.
        case updateKey(AccountKey)
        /// Cancel and ChainDataAnchoring: increment the nonce and nothing else.
        case incrementNonce
    }

    public var sender: Address
    /// Who buys the gas: the sender unless the transaction is fee-delegated.
    public var feePayer: Address
    /// For partially fee-delegated types, the percentage of the fee the fee payer pays (the sender pays
    /// the rest); nil when the fee payer pays everything.
    public var feeRatio: UInt8?
    public var nonce: UInt64
    public var gasLimit: UInt64
    /// The price per gas charged: the transaction's own price before Magma, the base fee from it.
    public var gasPrice: UInt256
    public var value: UInt256
    public var data: [UInt8]
    /// Intrinsic gas including Klaytn's key creation and signature-validation parts.
    public var intrinsicGas: UInt64
    public var accessList: [AccessListEntry]
    public var action: Action

    public init(sender: Address, feePayer: Address? = nil, feeRatio: UInt8? = nil, nonce: UInt64, gasLimit: UInt64,
                gasPrice: UInt256, value: UInt256, data: [UInt8], intrinsicGas: UInt64,
                accessList: [AccessListEntry] = [], action: Action) {
        self.sender = sender
        self.feePayer = feePayer ?? sender
        self.feeRatio = feeRatio
        self.nonce = nonce
        self.gasLimit = gasLimit
        self.gasPrice = gasPrice
        self.value = value
        self.data = data
        self.intrinsicGas = intrinsicGas
        self.accessList = accessList
        self.action = action
    }

    /// The call target, if the action is a call.
    public var to: Address? {
        if case .call(let to) = action { return to }
        return nil
    }

    /// Splits `amount` between fee payer and sender: the fee payer's part is `amount × ratio / 100`
    /// (floor), the sender's the rest (`types.CalcFeeWithRatio`); without a ratio the fee payer pays all.
    func split(_ amount: UInt256) -> (feePayer: UInt256, sender: UInt256) {
        guard let feeRatio else { return (amount, .zero) }
        // floor(amount × ratio / 100) without a 256-bit overflow: amount = 100q + m.
        let (q, m) = amount.quotientAndRemainder(dividingBy: UInt256(100))
        let ratio = UInt256(UInt64(feeRatio))
        let payerPart = q &* ratio &+ (m &* ratio) / UInt256(100)
        return (payerPart, amount &- payerPart)
    }
}
