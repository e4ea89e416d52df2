import KlayChain
import KlayPrimitives
import KlayTxPool

/// What a running node offers to its RPC and tools: the chain, the pool, committed-block events, the
/// node's accounts, and facts about the node. Built by the node's start-up (`klay dev`, `klay node`).
public final class NodeServices: Sendable {
    public let chain: Blockchain
    public let pool: TxPool
    public let events: ChainEvents
    public let accounts: AccountManager
    /// The node key's address (the validator address on a consensus node).
    public let nodeAddress: Address
    /// Where block rewards go (`--rewardbase`), nil when not set.
    public let rewardbase: Address?
    /// The data directory (`admin_datadir`).
    public let dataDirectory: String
    /// Called after transactions are added through RPC: an instant dev chain makes a block at once.
    public let transactionsAdded: @Sendable () -> Void

    public init(chain: Blockchain, pool: TxPool, events: ChainEvents, accounts: AccountManager, nodeAddress: Address,
                rewardbase: Address?, dataDirectory: String, transactionsAdded: @escaping @Sendable () -> Void = {}) {
        self.chain = chain
        self.pool = pool
        self.events = events
        self.accounts = accounts
        self.nodeAddress = nodeAddress
        self.rewardbase = rewardbase
        self.dataDirectory = dataDirectory
        self.transactionsAdded = transactionsAdded
    }
}
