import KlayChain
import KlayNode
import KlayPrimitives
import KlayState
import KlayTypes

/// Finding the block an RPC parameter names, with Klaytn's texts when it does not exist. This node
/// has no pending block of its own (blocks are sealed as soon as they are built), so `pending` means
/// the head, except where a method says otherwise (`getTransactionCount` asks the pool).
extension NodeServices {
    /// The header of the block `number` names, or nil when there is none.
    public func header(_ number: RPCBlockNumber) -> Header? {
        guard let height = number.height else { return chain.head }
        return try? chain.chainStore.header(number: height)
    }

    /// The header of the block `number` names; Klaytn's error when there is none.
    public func requireHeader(_ number: RPCBlockNumber) throws(RPCError) -> Header {
        guard let header = header(number) else {
            throw .server("the block does not exist (block number: \(number.height.map(String.init) ?? number.description))")
        }
        return header
    }

    /// The header with `hash`; Klaytn's error when there is none.
    public func requireHeader(hash: Hash) throws(RPCError) -> Header {
        guard let header = try? chain.chainStore.header(hash: hash) else {
            throw .server("the block does not exist (block hash: \(hash.hex))")
        }
        return header
    }

    /// The header a block-number-or-hash parameter names (a hash that is not canonical is refused when
    /// `requireCanonical` is set, with go-ethereum's text).
    public func requireHeader(_ selector: RPCBlockNumberOrHash) throws(RPCError) -> Header {
        if let hash = selector.blockHash {
            let header = try requireHeader(hash: hash)
            if selector.requireCanonical, (try? chain.chainStore.canonicalHash(number: header.number.uint64Value ?? .max)) != hash {
                throw .server("hash \(hash.hex) is not currently canonical")
            }
            return header
        }
        return try requireHeader(selector.blockNumber ?? .latest)
    }

    /// A read-only state at `header` (safe on any thread while blocks are being added).
    public func state(at header: Header) throws(RPCError) -> StateDB {
        do {
            return try chain.state(at: header.stateRoot)
        } catch {
            throw .server("missing trie node \(header.stateRoot.hex) (state of block \(header.number))")
        }
    }

    /// The state a block-number-or-hash parameter names.
    public func state(_ selector: RPCBlockNumberOrHash) throws(RPCError) -> StateDB {
        try state(at: try requireHeader(selector))
    }
}
