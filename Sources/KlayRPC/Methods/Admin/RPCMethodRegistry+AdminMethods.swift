import KlayNode
import KlayTypes

extension RPCMethodRegistry {
    /// Registers `admin_datadir` (the node's data directory), `admin_peers` (`[]`: this node has no
    /// peer-to-peer layer yet), from Klaytn's `node/api.go`, and `admin_exportChain`/`admin_importChain`
    /// (`node/cn/api.go`).
    public func registerAdminMethods(_ node: NodeServices) {
        register("admin", "datadir") { _ in .string(node.dataDirectory) }
        register("admin", "peers") { _ in .array([]) }
        register("admin", "exportChain") { params throws(RPCError) in
            let (path, first, last) = try params.decode(.string, .optional(.uint64Number), .optional(.uint64Number))
            return .bool(try ChainFileTransfer.export(node, to: path, first: first, last: last))
        }
        register("admin", "importChain") { params throws(RPCError) in
            let (path) = try params.decode(.string)
            return .bool(try ChainFileTransfer.importBlocks(node, from: path))
        }
    }
}
