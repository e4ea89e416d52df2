import KlayPrimitives

/// A chain's protocol configuration: the genesis file's `config` object (Klaytn's `params.ChainConfig`,
/// spec/chain.md §5.5). Absent block numbers mean the fork never activates; absent sections are nil,
/// as in the reference, until ``withDefaults()`` fills them.
public struct ChainConfig: Sendable, Equatable {
    /// Replay-protection chain id; required by `klay init`.
    public var chainId: UInt256?

    public var istanbulCompatibleBlock: UInt64?
    public var londonCompatibleBlock: UInt64?
    public var ethTxTypeCompatibleBlock: UInt64?
    public var magmaCompatibleBlock: UInt64?
    public var koreCompatibleBlock: UInt64?
    public var shanghaiCompatibleBlock: UInt64?
    public var cancunCompatibleBlock: UInt64?
    public var randaoCompatibleBlock: UInt64?
    public var dragonCompatibleBlock: UInt64?

    /// The one block at which the KIP-103 treasury rebalance runs (nil: never).
    public var kip103CompatibleBlock: UInt64?
    /// The KIP-103 rebalance contract, deployed beforehand.
    public var kip103ContractAddress: Address = .zero
    /// The KIP-149 registry installed just before the Randao fork block.
    public var randaoRegistry: RegistryConfig?

    /// Istanbul BFT parameters; nil when the chain runs Clique.
    public var istanbul: IstanbulConfig?
    /// Clique parameters, for test chains only.
    public var clique: CliqueConfig?

    /// Gas price in peb before Magma.
    public var unitPrice: UInt64 = 0
    /// Which derive-sha computes the transactions and receipts roots: 0 original trie, 1 simple, 2 concat.
    public var deriveShaImpl: Int = 0
    public var governance: GovernanceConfig?

    public init() {}

    /// The block at which `fork` activates, or nil if it never does.
    public func block(of fork: Hardfork) -> UInt64? {
        switch fork {
        case .istanbul: istanbulCompatibleBlock
        case .london: londonCompatibleBlock
        case .ethTxType: ethTxTypeCompatibleBlock
        case .magma: magmaCompatibleBlock
        case .kore: koreCompatibleBlock
        case .shanghai: shanghaiCompatibleBlock
        case .cancun: cancunCompatibleBlock
        case .randao: randaoCompatibleBlock
        case .dragon: dragonCompatibleBlock
        }
    }

    /// Sets the block at which `fork` activates (nil: never).
    public mutating func setBlock(_ block: UInt64?, of fork: Hardfork) {
        switch fork {
        case .istanbul: istanbulCompatibleBlock = block
        case .london: londonCompatibleBlock = block
        case .ethTxType: ethTxTypeCompatibleBlock = block
        case .magma: magmaCompatibleBlock = block
        case .kore: koreCompatibleBlock = block
        case .shanghai: shanghaiCompatibleBlock = block
        case .cancun: cancunCompatibleBlock = block
        case .randao: randaoCompatibleBlock = block
        case .dragon: dragonCompatibleBlock = block
        }
    }

    /// Whether `fork` is in effect at block `number`: its block is set and not after `number`.
    public func isActive(_ fork: Hardfork, at number: UInt64) -> Bool {
        guard let forkBlock = block(of: fork) else { return false }
        return forkBlock <= number
    }

    /// Whether `number` is the KIP-103 rebalance block.
    public func isKIP103Block(_ number: UInt64) -> Bool { kip103CompatibleBlock == number }
}
