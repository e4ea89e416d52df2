import KlayNode
import KlayRPC

/// The methods a node serves: every namespace implemented so far, with `kaia_` as an alias of `klay_`.
enum RPCSetup {
    static func registry(for node: NodeServices, networkID: UInt64) -> RPCMethodRegistry {
        let registry = RPCMethodRegistry()
        registry.registerNodeMethods(RPCNodeInfo(clientVersion: RPCNodeInfo.clientVersion(),
                                                 networkID: networkID))
        registry.addAlias("kaia", of: "klay")
        return registry
    }
}
