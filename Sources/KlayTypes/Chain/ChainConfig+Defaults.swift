import KlayPrimitives

/// The reference's defaults for values a custom genesis omits (`params/governance_params.go`,
/// `ChainConfig.SetDefaults`; spec/chain.md §5.5).
extension ChainConfig {
    /// The unit price governance assumes when it has none. ``withDefaults()`` does not write it into
    /// ``unitPrice``, as the reference does not: an omitted `unitPrice` stays 0 in the config.
    public static let defaultUnitPrice: UInt64 = 250_000_000_000

    /// The config with what `klay init` fills in before writing the genesis (`SetDefaultsForGenesis`):
    /// Istanbul parameters when no engine is configured, a governance section with mode "none" and the
    /// default reward when absent, and the default staking and proposer update intervals when zero.
    public func withGenesisDefaults() -> ChainConfig {
        var config = self
        if config.istanbul == nil && config.clique == nil { config.istanbul = .default }
        var governance = config.governance ?? GovernanceConfig(governanceMode: GovernanceConfig.defaultMode)
        var reward = governance.reward ?? .genesisDefault
        if reward.stakingUpdateInterval == 0 {
            reward.stakingUpdateInterval = RewardConfig.genesisDefault.stakingUpdateInterval
        }
        if reward.proposerUpdateInterval == 0 {
            reward.proposerUpdateInterval = RewardConfig.genesisDefault.proposerUpdateInterval
        }
        governance.reward = reward
        config.governance = governance
        return config
    }

    /// The config as a running node completes it (`SetDefaults`): ``withGenesisDefaults()`` plus the
    /// default KIP-71 parameters and KIP-82 ratio when absent.
    public func withDefaults() -> ChainConfig {
        var config = withGenesisDefaults()
        if config.governance?.kip71 == nil { config.governance?.kip71 = .default }
        if config.governance?.reward?.kip82Ratio.isEmpty == true {
            config.governance?.reward?.kip82Ratio = RewardConfig.defaultKIP82Ratio
        }
        return config
    }
}

extension IstanbulConfig {
    /// Epoch 604800, round-robin proposers, committee of 21.
    public static let `default` = IstanbulConfig(epoch: 604_800, proposerPolicy: 0, subGroupSize: 21)
}

extension GovernanceConfig {
    /// The governance mode of a genesis without a governance section.
    public static let defaultMode = "none"
}

extension RewardConfig {
    /// The reward section `klay init` writes when a genesis has none: nothing minted, all to CNs
    /// ("100/0/0"), no Gini coefficient, immediate fees, minimum stake 2,000,000 KLAY, staking and
    /// proposer updates every 86400 and 3600 blocks. It has no KIP-82 ratio.
    public static let genesisDefault = RewardConfig(
        mintingAmount: .zero, ratio: "100/0/0", useGiniCoeff: false, deferredTxFee: false,
        stakingUpdateInterval: 86_400, proposerUpdateInterval: 3_600, minimumStake: UInt256(2_000_000 as UInt64))

    /// The KIP-82 proposer/stakers split used when none is configured.
    public static let defaultKIP82Ratio = "20/80"
}

extension KIP71Config {
    /// Base fee between 25 and 750 ston, gas target 30M, at most 60M gas counted per block,
    /// denominator 20.
    public static let `default` = KIP71Config(
        lowerBoundBaseFee: 25_000_000_000, upperBoundBaseFee: 750_000_000_000, gasTarget: 30_000_000,
        maxBlockGasUsedForBaseFee: 60_000_000, baseFeeDenominator: 20)
}
