import KlayNode
import KlayRPC

/// The methods a node serves: every namespace implemented so far, with `kaia_` as an alias of `klay_`.
enum RPCSetup {
    static func registry(for node: NodeServices, networkID: UInt64, gasCap: UInt64 = 0,
                         evmTimeout: Double = 5) -> RPCMethodRegistry {
        let registry = RPCMethodRegistry()
        registry.registerNodeMethods(RPCNodeInfo(clientVersion: RPCNodeInfo.clientVersion(), networkID: networkID))
        registry.registerReadMethods(node)
        registry.registerSendMethods(node)
        registry.registerExecutionMethods(node, gasCap: gasCap, timeout: evmTimeout > 0 ? .milliseconds(Int64(evmTimeout * 1_000)) : nil)
        registry.registerDebugMethods(node)
        registry.addAlias("kaia", of: "klay")
        return registry
    }
}
