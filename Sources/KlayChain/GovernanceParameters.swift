import KlayPrimitives
import KlayTrie
import KlayTypes

/// The governance parameters a block is processed with: unit price, KIP-71 base fee bounds, the reward
/// config, the proposer policy and the derive-sha implementation.
///
/// They come from the genesis config completed with Klaytn's defaults (`ChainConfig.withDefaults()`).
/// Governance votes and the governance contract, which change them at epoch boundaries in Klaytn, are
/// not applied yet: every block sees the genesis values.
public struct GovernanceParameters: Sendable, Equatable {
    public var unitPrice: UInt256
    public var kip71: KIP71Config
    public var mintingAmount: UInt256
    /// CN / KGF / KIR parts of the minted amount.
    public var ratio: (cn: UInt64, kgf: UInt64, kir: UInt64)
    /// KIP-82 proposer / stakers parts of the CN share (from Kore).
    public var kip82Ratio: (proposer: UInt64, stakers: UInt64)
    public var deferredTxFee: Bool
    /// Istanbul proposer policy: 0 round robin, 1 sticky, 2 weighted random.
    public var proposerPolicy: UInt64
    public var deriveSha: DeriveSha

    public init(config: ChainConfig) {
        let config = config.withDefaults()
        unitPrice = UInt256(config.unitPrice)
        kip71 = config.governance?.kip71 ?? .default
        let reward = config.governance?.reward ?? .genesisDefault
        mintingAmount = reward.mintingAmount ?? .zero
        let parts = Self.parts(reward.ratio, count: 3) ?? [100, 0, 0]
        ratio = (parts[0], parts[1], parts[2])
        let kip82 = Self.parts(reward.kip82Ratio, count: 2) ?? [20, 80]
        kip82Ratio = (kip82[0], kip82[1])
        deferredTxFee = reward.deferredTxFee
        proposerPolicy = config.istanbul?.proposerPolicy ?? IstanbulConfig.default.proposerPolicy
        deriveSha = DeriveSha(setting: UInt64(max(0, config.deriveShaImpl)))
    }

    /// "a/b/c" as numbers, or nil if it is not `count` unsigned integers separated by '/'.
    static func parts(_ text: String, count: Int) -> [UInt64]? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { UInt64($0) }
        guard parts.count == count, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.map { $0! }
    }

    public static func == (lhs: GovernanceParameters, rhs: GovernanceParameters) -> Bool {
        lhs.unitPrice == rhs.unitPrice && lhs.kip71 == rhs.kip71 && lhs.mintingAmount == rhs.mintingAmount
            && lhs.ratio == rhs.ratio && lhs.kip82Ratio == rhs.kip82Ratio && lhs.deferredTxFee == rhs.deferredTxFee
            && lhs.proposerPolicy == rhs.proposerPolicy && lhs.deriveSha == rhs.deriveSha
    }
}
