import KlayNode
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the log and filter methods of `klay` and `eth` (Klaytn's `PublicFilterAPI`, which the
    /// `eth` namespace calls through): `newFilter`, `newBlockFilter`, `newPendingTransactionFilter`,
    /// `getFilterChanges`, `getFilterLogs`, `getLogs` and `uninstallFilter`, all served by `filters`.
    public func registerFilterMethods(_ node: NodeServices, filters: FilterSystem) {
        for namespace in ["klay", "eth"] {
            register(namespace, "newFilter") { params throws(RPCError) in
                let (criteria) = try params.decode(.filterCriteria)
                return .string(try filters.installLogFilter(criteria))
            }
            register(namespace, "newBlockFilter") { _ in .string(filters.installBlockFilter()) }
            register(namespace, "newPendingTransactionFilter") { _ in .string(filters.installPendingTransactionFilter()) }
            register(namespace, "getFilterChanges") { params throws(RPCError) in
                let (id) = try params.decode(.goString("rpc.ID"))
                return try filters.changes(id)
            }
            register(namespace, "getFilterLogs") { params throws(RPCError) in
                let (id) = try params.decode(.goString("rpc.ID"))
                var criteria = try filters.criteria(ofLogFilter: id)
                criteria.blockHash = nil
                return LogJSON.logs(try LogQuery.logs(criteria, node: node))
            }
            register(namespace, "getLogs") { params throws(RPCError) in
                let (criteria) = try params.decode(.filterCriteria)
                return LogJSON.logs(try LogQuery.logs(criteria, node: node))
            }
            register(namespace, "uninstallFilter") { params throws(RPCError) in
                let (id) = try params.decode(.goString("rpc.ID"))
                return .bool(filters.uninstall(id))
            }
        }
    }
}
