import KlayPrimitives
import KlayState
import KlayTypes

/// The block reward paid at finalisation (spec/chain.md §6, `klaytn:reward/reward_distributor.go`).
///
/// Staking information (the AddressBook contract) and the KGF/KIR addresses are not read yet, so every
/// share Klaytn would pay to them goes to the proposer, as Klaytn itself does when they are absent
/// (§6.2 step 4): on such a network the whole reward goes to the block's rewardbase.
public struct BlockReward: Sendable, Equatable {
    /// Paid to the header's rewardbase.
    public var proposer: UInt256
    /// Fee destroyed (KIP-71 half from Magma, the proposer's minted share from Kore under policy 2).
    public var burnt: UInt256
    /// The fee the block's transactions paid: gasUsed × base fee from Magma, × unit price before.
    public var totalFee: UInt256

    /// The reward of a block with `gasUsed` gas at `baseFee` (nil before Magma) under `parameters`.
    public init(gasUsed: UInt64, baseFee: UInt256?, rules: ChainRules, parameters: GovernanceParameters) {
        let minted = parameters.mintingAmount
        totalFee = UInt256(gasUsed) &* (rules.magma ? baseFee ?? .zero : parameters.unitPrice)
        if parameters.proposerPolicy != 2 {
            // The simple path: ratio unused, all to the rewardbase.
            if !rules.magma {
                // Klaytn credits the fee here even when it was already paid per transaction (issue #1692).
                proposer = minted &+ totalFee
                burnt = .zero
            } else if parameters.deferredTxFee {
                burnt = totalFee >> 1
                proposer = minted &+ totalFee &- burnt
            } else {
                proposer = minted
                burnt = .zero
            }
            return
        }
        var fee = parameters.deferredTxFee ? totalFee : .zero
        var burn = UInt256.zero
        if rules.magma {
            burn = fee >> 1
            fee = fee &- burn
        }
        if rules.kore {
            let total = UInt256(parameters.ratio.cn + parameters.ratio.kgf + parameters.ratio.kir)
            let cnShare = total.isZero ? .zero : minted &* UInt256(parameters.ratio.cn) / total
            let kip82Total = UInt256(parameters.kip82Ratio.proposer + parameters.kip82Ratio.stakers)
            let proposerMinted = kip82Total.isZero ? .zero : cnShare &* UInt256(parameters.kip82Ratio.proposer) / kip82Total
            let extraBurn = min(fee, proposerMinted)
            burn = burn &+ extraBurn
            fee = fee &- extraBurn
        }
        burnt = burn
        // Without staking info and KGF/KIR addresses every share, and every rounding remainder, is the proposer's.
        proposer = minted &+ fee
    }

    /// Credits the reward to `rewardbase`.
    public func pay(to rewardbase: Address, in state: StateDB) {
        state.addBalance(rewardbase, proposer)
    }
}
