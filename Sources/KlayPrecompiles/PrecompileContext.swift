import KlayPrimitives
import KlayTypes

/// What Klaytn's own precompiles read from the running transaction and state.
public struct PrecompileContext {
    /// The transaction's fee payer (the sender for a transaction that is not fee-delegated), which
    /// every frame inherits; feePayer returns it.
    public var feePayer: Address
    /// The current account key of an address, as `StateDB.GetKey` gives it (AccountKeyLegacy when
    /// there is no account); validateSender checks signatures against it.
    public var accountKey: (Address) -> AccountKey
    /// Whether the block is at or after the Istanbul-compatible fork (multisig validation rules).
    public var istanbul: Bool

    public init(feePayer: Address, accountKey: @escaping (Address) -> AccountKey, istanbul: Bool) {
        self.feePayer = feePayer
        self.accountKey = accountKey
        self.istanbul = istanbul
    }
}
