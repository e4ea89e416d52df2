import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the `klay` consensus-information methods (`consensus/istanbul/backend/api.go`):
    /// `getCouncil`, `getCouncilSize`, `getCommittee`, `getCommitteeSize`,
    /// `getBlockWithConsensusInfoByNumber`, `getBlockWithConsensusInfoByHash` and
    /// `getBlockWithConsensusInfoByNumberRange`.
    public func registerConsensusMethods(_ node: NodeServices) {
        let consensus = ConsensusInfoReader(node: node)
        register("klay", "getCouncil") { params throws(RPCError) in
            let (number) = try params.decode(.optional(.blockNumber))
            return .array(try consensus.council(at: number).map { .string($0.hex) })
        }
        register("klay", "getCouncilSize") { params throws(RPCError) in
            let (number) = try params.decode(.optional(.blockNumber))
            return .integer(try consensus.council(at: number).count)
        }
        register("klay", "getCommittee") { params throws(RPCError) in
            let (number) = try params.decode(.optional(.blockNumber))
            return .array(try consensus.committee(at: number).map { .string($0.hex) })
        }
        register("klay", "getCommitteeSize") { params throws(RPCError) in
            let (number) = try params.decode(.optional(.blockNumber))
            return .integer(try consensus.committee(at: number).count)
        }
        register("klay", "getBlockWithConsensusInfoByNumber") { params throws(RPCError) in
            let (number) = try params.decode(.optional(.blockNumber))
            return try consensus.blockWithConsensusInfo(number: number)
        }
        register("klay", "getBlockWithConsensusInfoByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return try consensus.blockWithConsensusInfo(try node.requireBlock(hash: hash))
        }
        register("klay", "getBlockWithConsensusInfoByNumberRange") { params throws(RPCError) in
            let (start, end) = try params.decode(.optional(.blockNumber), .optional(.blockNumber))
            return try consensus.blocksWithConsensusInfo(from: start, to: end)
        }
    }
}
