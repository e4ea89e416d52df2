import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the methods that need no chain, as Klaytn's node offers them (`node/api.go`,
    /// `api/api_public_net.go`): `web3_clientVersion`, `web3_sha3` and their `klay_` twins, and
    /// `net_listening`, `net_peerCount`, `net_peerCountByType`, `net_version`, `net_networkID`.
    public func registerNodeMethods(_ node: RPCNodeInfo) {
        for namespace in ["web3", "klay"] {
            register(namespace, "clientVersion") { _ in .string(node.clientVersion) }
            register(namespace, "sha3") { params throws(RPCError) in
                let (input) = try params.decode(.bytes)
                return .data(Keccak256.hash(input).bytes)
            }
        }
        register("net", "listening") { _ in .bool(true) }
        register("net", "peerCount") { _ in .quantity(UInt64(node.peerCount())) }
        register("net", "peerCountByType") { _ in
            JSONValue.object(node.peerCountByType().map { ($0.key, JSONValue.integer($0.value)) }).sortedByKey()
        }
        register("net", "version") { _ in .string(String(node.networkID)) }
        register("net", "networkID") { _ in .integer(node.networkID) }
    }
}
