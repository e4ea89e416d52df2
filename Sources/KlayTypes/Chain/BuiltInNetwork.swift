import KlayPrimitives

/// A network whose genesis a node knows without a genesis file.
public enum BuiltInNetwork: String, CaseIterable, Sendable {
    /// Klaytn mainnet.
    case cypress
    /// Klaytn testnet.
    case baobab

    /// The network's config (``ChainConfig/cypress``, ``ChainConfig/baobab``).
    public var chainConfig: ChainConfig {
        switch self {
        case .cypress: .cypress
        case .baobab: .baobab
        }
    }

    /// The genesis JSON embedded in the reference node.
    public var genesisJSON: String {
        switch self {
        case .cypress: Self.cypressGenesisJSON
        case .baobab: Self.baobabGenesisJSON
        }
    }

    /// The genesis a node commits for this network on an empty database (`SetupGenesisBlock` with no
    /// genesis file): the embedded JSON with its config replaced by ``chainConfig`` and the governance
    /// bytes of ``GenesisGovernance/builtInNetwork(_:)``.
    public func genesis() -> Genesis {
        do {
            var genesis = try Genesis(json: genesisJSON.utf8)
            genesis.config = chainConfig
            genesis.governanceData = try GenesisGovernance.builtInNetwork(chainConfig)
            return genesis
        } catch {
            preconditionFailure("the embedded \(rawValue) genesis does not parse: \(error)")
        }
    }
}
