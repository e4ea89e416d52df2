import Foundation
import KlayChain
import KlayPrimitives
import KlayState
import KlayTxPool
import KlayTypes

/// The pool's view of the committed state at one block: a read-only ``StateDB`` over the tries at that
/// block's root, behind a lock because the pool reads it from every thread that admits transactions.
/// A new head gets a new reader; this one never changes.
public final class HeadStateReader: TxPoolStateReader, @unchecked Sendable {
    private let state: StateDB
    private let lock = NSLock()

    /// The state at `root`, a committed state root of `chain`.
    public init(chain: Blockchain, root: Hash) throws {
        state = try chain.state(at: root)
    }

    public func nonce(of address: Address) -> UInt64 { lock.withLock { state.nonce(address) } }
    public func balance(of address: Address) -> UInt256 { lock.withLock { state.balance(address) } }
    public func accountKey(of address: Address) -> AccountKey { lock.withLock { state.key(address) } }

    public func isProgramAccount(_ address: Address) -> Bool {
        lock.withLock { state.account(address)?.kind == .smartContract }
    }

    public func isContractAvailable(_ address: Address) -> Bool {
        lock.withLock { state.account(address)?.isContractWithCode ?? false }
    }
}
