import KlayNode
import KlayPrimitives
import KlayTypes

/// The Ethereum-format header and block of a stored block, with what they need from the chain: the
/// proposer recovered from the seal (the zero address for the genesis) and the total block score.
extension NodeServices {
    /// The proposer of `header` (Klaytn's `Engine().Author`); the recovery error when the seal does not
    /// recover, which fails the whole call as in Klaytn.
    func proposer(of header: Header) throws(RPCError) -> Address {
        guard header.number != .zero else { return .zero }
        do {
            return try chain.engine.author(of: header)
        } catch {
            throw .server("\(error)")
        }
    }

    /// The Ethereum header object of `header`.
    func ethereumHeaderJSON(_ header: Header) throws(RPCError) -> JSONValue {
        EthBlockJSON.header(header, miner: try proposer(of: header), totalBlockScore: totalBlockScore(of: header),
                            rules: rules(of: header))
    }

    /// The Ethereum block object of `block`.
    func ethereumBlockJSON(_ block: Block, fullTransactions: Bool) throws(RPCError) -> JSONValue {
        EthBlockJSON.block(block, miner: try proposer(of: block.header), totalBlockScore: totalBlockScore(of: block.header),
                           rules: rules(of: block.header), fullTransactions: fullTransactions)
    }
}
