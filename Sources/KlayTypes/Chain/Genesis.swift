import KlayPrimitives

/// A genesis specification (the reference's `blockchain.Genesis`, spec/chain.md §5.1): the chain
/// config, the genesis header's free fields and the initial accounts.
public struct Genesis: Sendable, Equatable {
    /// The block score of a genesis that sets none (`params.GenesisBlockScore`).
    public static let defaultBlockScore: UInt256 = 131_072

    public var config: ChainConfig
    /// Unix seconds of the genesis block.
    public var timestamp: UInt64 = 0
    /// The header's extra field: vanity and Istanbul extra data with the initial validators (§2.5).
    public var extraData: [UInt8] = []
    /// The header's governance field: `rlp(json)` of the initial governance parameters (§5.3). A file
    /// may carry it (base64); `klay init` and the built-in networks compute it.
    public var governanceData: [UInt8] = []
    /// nil means ``defaultBlockScore``.
    public var blockScore: UInt256?
    public var alloc: [Address: GenesisAccount] = [:]
    /// Test-only header fields.
    public var number: UInt64 = 0
    public var gasUsed: UInt64 = 0
    public var parentHash: Hash = .zero

    public init(config: ChainConfig, alloc: [Address: GenesisAccount] = [:]) {
        self.config = config
        self.alloc = alloc
    }
}

/// An initial account of a genesis (`GenesisAccount`). It becomes a smart contract account if it has
/// code or storage, otherwise an externally owned account with the legacy key.
public struct GenesisAccount: Sendable, Equatable {
    public var balance: UInt256
    public var code: [UInt8]
    /// Storage slots; zero values are not stored.
    public var storage: [Hash: Hash]
    public var nonce: UInt64

    public init(balance: UInt256, code: [UInt8] = [], storage: [Hash: Hash] = [:], nonce: UInt64 = 0) {
        self.balance = balance
        self.code = code
        self.storage = storage
        self.nonce = nonce
    }
}
