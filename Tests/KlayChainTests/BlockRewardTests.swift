import KlayChain
import KlayPrimitives
import KlayTypes
import Testing

/// Block rewards on a one-validator network without staking info or KGF/KIR addresses
/// (spec/chain.md §6.4): every share goes to the rewardbase, minus what KIP-71 and KIP-82 burn.
@Suite struct BlockRewardTests {
    /// 9.6 KLAY.
    static let minted = UInt256(9_600_000_000_000_000_000 as UInt64)
    let sender = ProcessorFixture.key(1)
    let recipient = ProcessorFixture.key(2).address

    func reward(deferred: Bool) -> RewardConfig {
        RewardConfig(mintingAmount: Self.minted, ratio: "34/54/12", kip82Ratio: "20/80", deferredTxFee: deferred,
                     minimumStake: UInt256(5_000_000 as UInt64))
    }

    /// Runs one block with a plain value transfer (21 000 gas) and returns the rewardbase's and the
    /// author's balances and the fee (21 000 × 25 ston).
    func run(fork: Hardfork, deferred: Bool, policy: UInt64) throws -> (rewardbase: UInt256, author: UInt256, fee: UInt256) {
        let chain = try ProcessorFixture(fork: fork, reward: reward(deferred: deferred), policy: policy)
        chain.fund(sender.address, ProcessorFixture.klay)
        try chain.block([chain.transaction(.valueTransfer, from: sender.address, signers: [sender], nonce: 0) { $0.to = recipient }])
        return (chain.balance(chain.rewardbase), chain.balance(chain.author), UInt256(21_000) &* ProcessorFixture.baseFee)
    }

    @Test func beforeMagmaTheFeeIsPaidTwiceWithoutDeferral() throws {
        // Klaytn issue #1692: the author gets the fee per transaction and Finalize adds it again.
        let result = try run(fork: .ethTxType, deferred: false, policy: 0)
        #expect(result.author == result.fee)
        #expect(result.rewardbase == Self.minted &+ result.fee)
    }

    @Test func beforeMagmaDeferredFeeGoesToTheRewardbase() throws {
        let result = try run(fork: .ethTxType, deferred: true, policy: 0)
        #expect(result.author == .zero)
        #expect(result.rewardbase == Self.minted &+ result.fee)
    }

    @Test func magmaBurnsHalf() throws {
        let deferred = try run(fork: .magma, deferred: true, policy: 2)
        #expect(deferred.rewardbase == Self.minted &+ deferred.fee &- deferred.fee >> 1)
        let immediate = try run(fork: .magma, deferred: false, policy: 0)
        #expect(immediate.rewardbase == Self.minted &+ immediate.fee >> 1)
    }

    @Test func koreAlsoBurnsTheProposersMintedShareFromTheFee() throws {
        // min(fee − fee/2, 9.6 × 34 % × 20 % = 0.6528 KLAY): here the whole remaining fee.
        let result = try run(fork: .kore, deferred: true, policy: 2)
        #expect(result.rewardbase == Self.minted)
        let large = BlockReward(gasUsed: 100_000_000, baseFee: UInt256(25_000_000_000 as UInt64),
                                rules: ChainRules(config: try ProcessorFixture(fork: .kore).config, number: 1),
                                parameters: GovernanceParameters(config: try ProcessorFixture(fork: .kore, reward: reward(deferred: true), policy: 2).config))
        // fee 2.5 KLAY: 1.25 burnt by KIP-71, then 0.6528 KLAY more.
        #expect(large.burnt == UInt256(1_250_000_000_000_000_000 as UInt64) &+ UInt256(652_800_000_000_000_000 as UInt64))
        #expect(large.proposer == Self.minted &+ UInt256(2_500_000_000_000_000_000 as UInt64) &- large.burnt)
    }

    @Test func koreWithRoundRobinStaysOnTheMagmaRule() throws {
        let result = try run(fork: .kore, deferred: true, policy: 0)
        #expect(result.rewardbase == Self.minted &+ result.fee &- result.fee >> 1)
    }
}
