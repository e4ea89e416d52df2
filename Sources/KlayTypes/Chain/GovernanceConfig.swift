import KlayPrimitives

/// The genesis governance section (`config.governance`): who governs, and the initial reward and
/// KIP-71 parameters, which later change by vote.
public struct GovernanceConfig: Sendable, Equatable {
    /// The node allowed to vote in "single" mode.
    public var governingNode: Address = .zero
    /// "none", "single" or "ballot".
    public var governanceMode: String = ""
    /// The GovParam contract (Kore); zero when unused.
    public var govParamContract: Address = .zero
    public var reward: RewardConfig?
    public var kip71: KIP71Config?

    public init(governingNode: Address = .zero, governanceMode: String = "", govParamContract: Address = .zero,
                reward: RewardConfig? = nil, kip71: KIP71Config? = nil) {
        self.governingNode = governingNode
        self.governanceMode = governanceMode
        self.govParamContract = govParamContract
        self.reward = reward
        self.kip71 = kip71
    }
}

/// Block reward parameters (`config.governance.reward`).
public struct RewardConfig: Sendable, Equatable {
    /// peb minted per block; nil when the file omits it.
    public var mintingAmount: UInt256?
    /// CN/KGF/KIR split, e.g. "34/54/12".
    public var ratio: String = ""
    /// KIP-82 proposer/stakers split of the CN share, e.g. "20/80"; empty when unset.
    public var kip82Ratio: String = ""
    public var useGiniCoeff: Bool = false
    /// Whether fees are paid at block finalization rather than per transaction.
    public var deferredTxFee: Bool = false
    /// Blocks between staking-information updates.
    public var stakingUpdateInterval: UInt64 = 0
    /// Blocks between proposer-list updates.
    public var proposerUpdateInterval: UInt64 = 0
    /// Minimum stake in KLAY to be a rewarded CN; nil when the file omits it.
    public var minimumStake: UInt256?

    public init(mintingAmount: UInt256? = nil, ratio: String = "", kip82Ratio: String = "",
                useGiniCoeff: Bool = false, deferredTxFee: Bool = false, stakingUpdateInterval: UInt64 = 0,
                proposerUpdateInterval: UInt64 = 0, minimumStake: UInt256? = nil) {
        self.mintingAmount = mintingAmount
        self.ratio = ratio
        self.kip82Ratio = kip82Ratio
        self.useGiniCoeff = useGiniCoeff
        self.deferredTxFee = deferredTxFee
        self.stakingUpdateInterval = stakingUpdateInterval
        self.proposerUpdateInterval = proposerUpdateInterval
        self.minimumStake = minimumStake
    }
}

/// KIP-71 dynamic base fee parameters (`config.governance.kip71`), in effect from Magma.
public struct KIP71Config: Sendable, Equatable {
    public var lowerBoundBaseFee: UInt64
    public var upperBoundBaseFee: UInt64
    public var gasTarget: UInt64
    public var maxBlockGasUsedForBaseFee: UInt64
    public var baseFeeDenominator: UInt64

    public init(lowerBoundBaseFee: UInt64, upperBoundBaseFee: UInt64, gasTarget: UInt64,
                maxBlockGasUsedForBaseFee: UInt64, baseFeeDenominator: UInt64) {
        self.lowerBoundBaseFee = lowerBoundBaseFee
        self.upperBoundBaseFee = upperBoundBaseFee
        self.gasTarget = gasTarget
        self.maxBlockGasUsedForBaseFee = maxBlockGasUsedForBaseFee
        self.baseFeeDenominator = baseFeeDenominator
    }
}
