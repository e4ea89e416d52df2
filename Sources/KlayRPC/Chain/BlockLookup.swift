import KlayChain
import KlayNode
import KlayPrimitives
import KlayTypes

/// Finding whole blocks for RPC parameters, with Klaytn's `BlockByNumber`/`BlockByHash` texts
/// (`the block does not exist (block number: N)`, `the block does not exist (block hash: 0x…)`).
/// `pending` means the head, as in ``NodeServices/header(_:)``.
extension NodeServices {
    /// The block `number` names, or nil when there is none.
    public func block(_ number: RPCBlockNumber) -> Block? {
        guard let height = number.height else { return try? chain.chainStore.block(hash: chain.head.hash) }
        return try? chain.chainStore.block(number: height)
    }

    /// The block `number` names; Klaytn's error when there is none.
    public func requireBlock(_ number: RPCBlockNumber) throws(RPCError) -> Block {
        guard let block = block(number) else {
            throw .server("the block does not exist (block number: \(number.rawValue))")
        }
        return block
    }

    /// The block with `hash`; Klaytn's error when there is none.
    public func requireBlock(hash: Hash) throws(RPCError) -> Block {
        guard let block = try? chain.chainStore.block(hash: hash) else {
            throw .server("the block does not exist (block hash: \(hash.hex))")
        }
        return block
    }

    /// The block a block-number-or-hash parameter names (`BlockByNumberOrHash`).
    public func requireBlock(_ selector: RPCBlockNumberOrHash) throws(RPCError) -> Block {
        if let hash = selector.blockHash { return try requireBlock(hash: hash) }
        guard let number = selector.blockNumber else {
            throw .server("invalid arguments; neither block nor hash specified")
        }
        return try requireBlock(number)
    }

    /// The receipts of a stored block, in transaction order; Klaytn's error when their number differs
    /// from the block's transactions.
    public func receipts(of block: Block) throws(RPCError) -> [Receipt] {
        let receipts = (try? chain.chainStore.receipts(blockHash: block.hash)) ?? []
        guard receipts.count == block.transactions.count else {
            throw .server("the size of transactions and receipts is different in the block (\(block.hash.hex))")
        }
        return receipts
    }

    /// The total block score up to and including `header` (`GetTd`): the genesis block score plus one per
    /// block, since Istanbul requires a block score of 1 after the genesis.
    public func totalBlockScore(of header: Header) -> UInt256 {
        let genesisScore = (try? chain.chainStore.header(number: 0))?.blockScore ?? .one
        return genesisScore &+ header.number
    }

    /// The protocol rules of `header`'s block.
    public func rules(of header: Header) -> ChainRules {
        chain.processor.rules(at: header.number.uint64Value ?? .max)
    }
}
