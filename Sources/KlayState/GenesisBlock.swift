import KlayPrimitives
import KlayTrie
import KlayTypes

/// A genesis block: the header of ``Genesis/header(stateRoot:emptyListRoot:)`` over the
/// ``GenesisState``, with the empty-list root of the config's derive-sha implementation.
public struct GenesisBlock: Sendable {
    public let state: GenesisState
    public let header: Header

    public init(genesis: Genesis) {
        state = GenesisState(genesis: genesis)
        let deriveSha = UInt64(exactly: genesis.config.deriveShaImpl).map(DeriveSha.init(setting:)) ?? .original
        header = genesis.header(stateRoot: state.stateRoot, emptyListRoot: deriveSha.emptyRoot)
    }

    /// The block hash (Istanbul rule, spec/chain.md §1.2).
    public var hash: Hash { header.hash }
}
