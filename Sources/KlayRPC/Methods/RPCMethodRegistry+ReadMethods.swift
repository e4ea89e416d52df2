import KlayNode

extension RPCMethodRegistry {
    /// Registers every chain-reading method and subscription of `node`: chain, state, transaction,
    /// consensus, fee, governance, `eth` format, filter, `txpool` and `admin` methods, and the `klay`/`eth`
    /// subscriptions. Returns the filter system serving the filter methods, which follows the node's
    /// events for as long as the registry holds it.
    @discardableResult
    public func registerReadMethods(_ node: NodeServices) -> FilterSystem {
        let filters = FilterSystem(node: node)
        registerChainMethods(node)
        registerStateMethods(node)
        registerTransactionLookupMethods(node)
        registerConsensusMethods(node)
        registerFeeMethods(node)
        registerGovernanceMethods(node)
        registerEthereumMethods(node)
        registerFilterMethods(node, filters: filters)
        registerSubscriptions(node)
        registerTxPoolMethods(node)
        registerAdminMethods(node)
        return filters
    }
}
