import KlayNode
import KlayTypes

extension RPCMethodRegistry {
    /// Registers `admin_datadir` (the node's data directory) and `admin_peers` (`[]`: this node has no
    /// peer-to-peer layer yet), from Klaytn's `node/api.go`.
    public func registerAdminMethods(_ node: NodeServices) {
        register("admin", "datadir") { _ in .string(node.dataDirectory) }
        register("admin", "peers") { _ in .array([]) }
    }
}
