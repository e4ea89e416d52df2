import KlayChain
import KlayNode
import KlayPrimitives
import KlayState
import KlayTypes

/// Finding the header or state an RPC parameter names, with the texts Klaytn's API backend
/// (`node/cn/api_backend.go`) answers when there is none. This node has no pending block of its own
/// (blocks are sealed as soon as they are built), so `pending` means the head, except where a method
/// says otherwise (`getTransactionCount` asks the pool).
extension NodeServices {
    /// The header of the block `number` names, or nil when there is none.
    public func header(_ number: RPCBlockNumber) -> Header? {
        guard let height = number.height else { return chain.head }
        return try? chain.chainStore.header(number: height)
    }

    /// The header of the block `number` names; `the header does not exist (block number: N)` when
    /// there is none (`HeaderByNumber`).
    public func requireHeader(_ number: RPCBlockNumber) throws(RPCError) -> Header {
        guard let header = header(number) else {
            throw .server("the header does not exist (block number: \(number.rawValue))")
        }
        return header
    }

    /// The header with `hash`; `the header does not exist (hash: [b0 b1 …])` when there is none: Klaytn
    /// formats the hash with `%d`, which prints its 32 bytes in decimal (`HeaderByHash`).
    public func requireHeader(hash: Hash) throws(RPCError) -> Header {
        guard let header = try? chain.chainStore.header(hash: hash) else {
            throw .server("the header does not exist (hash: [\(hash.bytes.map(String.init).joined(separator: " "))])")
        }
        return header
    }

    /// The header whose state a block-number-or-hash parameter names (`StateAndHeaderByNumberOrHash`):
    /// `header for hash not found` for an unknown hash, the `HeaderByNumber` text for an unknown number,
    /// and `invalid arguments; neither block nor hash specified` when the parameter named neither.
    public func requireHeader(_ selector: RPCBlockNumberOrHash) throws(RPCError) -> Header {
        if let hash = selector.blockHash {
            guard let header = try? chain.chainStore.header(hash: hash) else { throw .server("header for hash not found") }
            return header
        }
        guard let number = selector.blockNumber else {
            throw .server("invalid arguments; neither block nor hash specified")
        }
        return try requireHeader(number)
    }

    /// A read-only state at `header` (safe on any thread while blocks are being added).
    public func state(at header: Header) throws(RPCError) -> StateDB {
        do {
            return try chain.state(at: header.stateRoot)
        } catch {
            throw .server("missing trie node \(header.stateRoot.hex) (state of block \(header.number))")
        }
    }

    /// The state a block-number-or-hash parameter names, with the errors of ``requireHeader(_:)-(RPCBlockNumberOrHash)``.
    public func state(_ selector: RPCBlockNumberOrHash) throws(RPCError) -> StateDB {
        try state(at: try requireHeader(selector))
    }
}
