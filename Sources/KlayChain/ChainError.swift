import KlayPrimitives

/// Why the chain cannot open or commit.
public enum ChainError: Error, Sendable, CustomStringConvertible {
    /// The database has a genesis but no head block.
    case missingHead
    /// The database holds no chain (`klay init` was not run on it).
    case notInitialized
    /// The committed state root is not the head block's (the database was changed outside the node).
    case stateMismatch(head: Hash, state: Hash)
    /// ``Blockchain/commit(_:header:)`` for a block that is not the pending proposal.
    case noSuchProposal

    public var description: String {
        switch self {
        case .missingHead: return "chain database has no head block"
        case .notInitialized: return "the data directory holds no chain: initialise it with `klay init --datadir DIR genesis.json`"
        case .stateMismatch(let head, let state): return "state root \(state) does not match the head block's \(head)"
        case .noSuchProposal: return "no such pending proposal"
        }
    }
}
