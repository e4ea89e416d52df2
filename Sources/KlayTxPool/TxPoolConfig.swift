/// The pool's limits and local-transaction policy.
///
/// The defaults are Klaytn v1.12.1's `DefaultTxPoolConfig` (`klaytn:blockchain/tx_pool.go`), which its
/// command-line flags (`--txpool.exec-slots.account` …) also default to.
public struct TxPoolConfig: Sendable, Equatable {
    /// Executable (pending) transactions an account keeps even when the pool is over its pending limit
    /// (`ExecSlotsAccount`, default 16).
    public var executableSlotsPerAccount: Int
    /// Executable (pending) transactions the pool aims to hold in total; above it, accounts with more
    /// than ``executableSlotsPerAccount`` lose their highest nonces (`ExecSlotsAll`, default 4096).
    public var executableSlotsTotal: Int
    /// Future (queued) transactions a non-local account may hold (`NonExecSlotsAccount`, default 64).
    public var nonExecutableSlotsPerAccount: Int
    /// Future (queued) transactions the pool holds in total (`NonExecSlotsAll`, default 1024).
    public var nonExecutableSlotsTotal: Int
    /// How long an account's future transactions may wait without the account making progress before
    /// ``TxPool/evictExpired()`` drops them (`Lifetime`, default 5 minutes).
    public var lifetime: Duration
    /// Whether local accounts are exempt from that lifetime eviction (`KeepLocals`, default false).
    public var keepLocals: Bool
    /// Whether ChainDataAnchoring transactions submitted locally (through this node's RPC) are accepted
    /// (`AllowLocalAnchorTx`, default false; `--txpool.allow-local-anchortx`). Ones received from peers
    /// are always accepted. A development chain turns it on.
    public var allowLocalAnchorTx: Bool

    /// Klaytn's defaults.
    public init(executableSlotsPerAccount: Int = 16, executableSlotsTotal: Int = 4096,
                nonExecutableSlotsPerAccount: Int = 64, nonExecutableSlotsTotal: Int = 1024,
                lifetime: Duration = .seconds(5 * 60), keepLocals: Bool = false, allowLocalAnchorTx: Bool = false) {
        self.executableSlotsPerAccount = executableSlotsPerAccount
        self.executableSlotsTotal = executableSlotsTotal
        self.nonExecutableSlotsPerAccount = nonExecutableSlotsPerAccount
        self.nonExecutableSlotsTotal = nonExecutableSlotsTotal
        self.lifetime = lifetime
        self.keepLocals = keepLocals
        self.allowLocalAnchorTx = allowLocalAnchorTx
    }

    /// Klaytn's defaults.
    public static let `default` = TxPoolConfig()

    /// The slots (32 KiB units of transaction size) the whole pool may hold: executable plus
    /// non-executable totals.
    var capacity: Int { executableSlotsTotal + nonExecutableSlotsTotal }

    /// The largest transaction the pool takes, in bytes (`MaxTxDataSize = 4 × 32 KiB`).
    static let maxTransactionSize = 4 * slotSize
    /// The size unit the pool's capacity is counted in (`txSlotSize`, 32 KiB).
    static let slotSize = 32 * 1024
}
