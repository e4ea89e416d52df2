import KlayPrimitives

/// Why a block cannot be imported. Texts follow Klaytn's block validator and header checks
/// (`klaytn:blockchain/block_validator.go`, `consensus/istanbul/backend/engine.go`).
public enum BlockError: Error, Sendable, CustomStringConvertible {
    case unknownParent(Hash)
    case alreadyKnown(number: UInt64, hash: Hash)
    /// The block's number is not the head's successor (this chain has no forks: only the head can be extended).
    case notNextBlock(number: UInt64, head: UInt64)
    case invalidBaseFee(have: UInt256?, want: UInt256?)
    /// RandomReveal/MixHash present before Randao (Randao blocks are not supported yet).
    case unexpectedRandomness
    case invalidBlockScore
    case invalidTimestamp
    case consensus(String)
    case transaction(index: Int, hash: Hash, TransactionError)
    case transactionsRootMismatch(have: Hash, want: Hash)
    case gasUsedMismatch(remote: UInt64, local: UInt64)
    case bloomMismatch
    case receiptsRootMismatch(remote: Hash, local: Hash)
    case stateRootMismatch(remote: Hash, local: Hash)
    /// The database failed while reading or writing the block.
    case storage(String)

    public var description: String {
        switch self {
        case .unknownParent(let hash): return "unknown ancestor: parent \(hash) is not in the chain"
        case .alreadyKnown(let number, let hash): return "block already known: #\(number) \(hash)"
        case .notNextBlock(let number, let head): return "block #\(number) does not extend the head #\(head)"
        case .invalidBaseFee(let have, let want):
            return "invalid baseFee: have \(have.map { "\($0)" } ?? "<nil>"), want \(want.map { "\($0)" } ?? "<nil>")"
        case .unexpectedRandomness: return "invalid randomReveal or mixHash: not expected before the Randao fork"
        case .invalidBlockScore: return "invalid blockscore"
        case .invalidTimestamp: return "invalid timestamp"
        case .consensus(let message): return message
        case .transaction(let index, let hash, let error): return "invalid transaction \(index) (\(hash)): \(error)"
        case .transactionsRootMismatch(let have, let want): return "transaction root hash mismatch: have \(have), want \(want)"
        case .gasUsedMismatch(let remote, let local): return "invalid gas used (remote: \(remote) local: \(local))"
        case .bloomMismatch: return "invalid bloom"
        case .receiptsRootMismatch(let remote, let local): return "invalid receipt root hash (remote: \(remote) local: \(local))"
        case .stateRootMismatch(let remote, let local): return "invalid merkle root (remote: \(remote) local: \(local))"
        case .storage(let message): return "chain database error: \(message)"
        }
    }
}
