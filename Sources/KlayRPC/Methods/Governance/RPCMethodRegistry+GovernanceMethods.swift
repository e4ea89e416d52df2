import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the governance readers (`governance/api.go`): `getParams`, `getChainConfig` and
    /// `nodeAddress` in both the `governance` and `klay` namespaces, and `eth_getChainConfig` as an alias
    /// of `klay_getChainConfig` (our extension; spec/rpc.md §3.2). Each takes an optional block number;
    /// governance votes are not applied yet, so every block sees the genesis parameters.
    public func registerGovernanceMethods(_ node: NodeServices) {
        for namespace in ["governance", "klay"] {
            register(namespace, "getParams") { params throws(RPCError) in
                _ = try params.decode(.optional(.blockNumber))
                return GovernanceParametersJSON.parameters(node.chain.config)
            }
            register(namespace, "nodeAddress") { _ in .string(node.nodeAddress.hex) }
        }
        for namespace in ["governance", "klay", "eth"] {
            register(namespace, "getChainConfig") { params throws(RPCError) in
                _ = try params.decode(.optional(.blockNumber))
                return node.chain.config.withDefaults().json
            }
        }
    }
}
