import KlayChainStore
import KlayNode
import KlayPrimitives
import KlayTypes
import Synchronization

/// The polled filters of `*_newFilter`, `*_newBlockFilter` and `*_newPendingTransactionFilter`
/// (Klaytn's `PublicFilterAPI`, `node/cn/filters/api.go`): each collects what happens from its creation
/// until the next `getFilterChanges`. Fed by the node's committed blocks and newly pending
/// transactions; a filter not polled for ``timeout`` (Klaytn: 5 minutes) is removed.
public final class FilterSystem: Sendable {
    /// What a filter collects.
    enum Kind: Sendable {
        case blocks
        case pendingTransactions
        case logs(FilterCriteria)
    }

    private struct InstalledFilter {
        let kind: Kind
        var hashes: [Hash] = []
        var logs: [IndexedLog] = []
        var lastPolled: ContinuousClock.Instant
    }

    private let filters = Mutex<[String: InstalledFilter]>([:])
    private let feeders = Mutex<[Task<Void, Never>]>([])
    /// How long a filter lives without being polled.
    public let timeout: Duration
    private let now: @Sendable () -> ContinuousClock.Instant

    /// A filter system following `node`'s events from now on; `now` is the clock expiry is measured with.
    public init(node: NodeServices, timeout: Duration = .seconds(300),
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.timeout = timeout
        self.now = now
        let blocks = node.events.committedBlocks()
        let pending = node.pool.newPendingTransactions()
        let blockFeeder = Task { [weak self] in
            for await block in blocks {
                guard let self else { return }
                self.deliver(block)
            }
        }
        let pendingFeeder = Task { [weak self] in
            for await transaction in pending {
                guard let self else { return }
                self.deliverPending(transaction.hash)
            }
        }
        feeders.withLock { $0 = [blockFeeder, pendingFeeder] }
    }

    deinit {
        feeders.withLock { tasks in tasks.forEach { $0.cancel() } }
    }

    /// Installs a log filter; Klaytn's `invalid from and to block combination: from > to` for a range
    /// it cannot follow.
    public func installLogFilter(_ criteria: FilterCriteria) throws(RPCError) -> String {
        try Self.checkFollowable(criteria)
        return install(.logs(criteria))
    }

    /// Installs a filter of new block hashes.
    public func installBlockFilter() -> String { install(.blocks) }

    /// Installs a filter of the hashes of transactions that become pending.
    public func installPendingTransactionFilter() -> String { install(.pendingTransactions) }

    /// What filter `id` collected since the last call (hashes, or log objects), restarting its timeout;
    /// `filter not found` for an unknown or expired id.
    public func changes(_ id: String) throws(RPCError) -> JSONValue {
        let moment = now()
        let collected: JSONValue? = filters.withLock { filters in
            removeExpired(&filters, at: moment)
            guard var filter = filters[id] else { return nil }
            filter.lastPolled = moment
            let result: JSONValue = switch filter.kind {
            case .blocks, .pendingTransactions: .array(filter.hashes.map { .string($0.hex) })
            case .logs: LogJSON.logs(filter.logs)
            }
            filter.hashes = []
            filter.logs = []
            filters[id] = filter
            return result
        }
        guard let collected else { throw .server("filter not found") }
        return collected
    }

    /// The criteria of log filter `id`; `filter not found` for an unknown id or another kind of filter.
    public func criteria(ofLogFilter id: String) throws(RPCError) -> FilterCriteria {
        let moment = now()
        let kind = filters.withLock { filters in
            removeExpired(&filters, at: moment)
            return filters[id]?.kind
        }
        guard case .logs(let criteria)? = kind else { throw .server("filter not found") }
        return criteria
    }

    /// Removes filter `id`; false if there was none.
    public func uninstall(_ id: String) -> Bool {
        filters.withLock { $0.removeValue(forKey: id) != nil }
    }

    /// Klaytn's `SubscribeLogs` check of a filter's range: both bounds `latest`, both `pending`, an
    /// ordered range of heights, a height (or `latest`) up to `pending`, or a height up to `latest`.
    static func checkFollowable(_ criteria: FilterCriteria) throws(RPCError) {
        let from = (criteria.fromBlock ?? .latest).rawValue
        let to = (criteria.toBlock ?? .latest).rawValue
        let pending = RPCBlockNumber.pending.rawValue
        let latest = RPCBlockNumber.latest.rawValue
        let followable = (from == pending && to == pending) || (from == latest && to == latest)
            || (from >= 0 && to >= 0 && to >= from) || (from >= latest && to == pending) || (from >= 0 && to == latest)
        guard followable else { throw .server("invalid from and to block combination: from > to") }
    }

    /// Whether a newly committed log falls inside a filter's fixed bounds (Klaytn's `filterLogs` with
    /// the criteria's from/to: `latest` and `pending` bounds do not restrict).
    static func withinBounds(_ log: IndexedLog, of criteria: FilterCriteria) -> Bool {
        if let from = criteria.fromBlock?.height, from > log.blockNumber { return false }
        if let to = criteria.toBlock?.height, to < log.blockNumber { return false }
        return criteria.matches(log.log)
    }

    private func install(_ kind: Kind) -> String {
        let moment = now()
        return filters.withLock { filters in
            removeExpired(&filters, at: moment)
            var id = RPCSubscriptionID.random()
            while filters[id] != nil { id = RPCSubscriptionID.random() }
            filters[id] = InstalledFilter(kind: kind, lastPolled: moment)
            return id
        }
    }

    private func removeExpired(_ filters: inout [String: InstalledFilter], at moment: ContinuousClock.Instant) {
        filters = filters.filter { moment - $0.value.lastPolled < timeout }
    }

    private func deliver(_ committed: CommittedBlock) {
        let hash = committed.block.hash
        let logs = CommittedLogs.logs(of: committed)
        filters.withLock { filters in
            for (id, filter) in filters {
                switch filter.kind {
                case .blocks: filters[id]?.hashes.append(hash)
                case .logs(let criteria): filters[id]?.logs += logs.filter { Self.withinBounds($0, of: criteria) }
                case .pendingTransactions: break
                }
            }
        }
    }

    private func deliverPending(_ hash: Hash) {
        filters.withLock { filters in
            for (id, filter) in filters {
                if case .pendingTransactions = filter.kind { filters[id]?.hashes.append(hash) }
            }
        }
    }
}
