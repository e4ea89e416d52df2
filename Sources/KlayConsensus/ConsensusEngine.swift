import KlayPrimitives
import KlayTypes

/// What the chain calls for Istanbul BFT: header and seal verification on import, and the two
/// producing steps, prepare (consensus fields of a new header) and seal (the proposer's signature).
/// Every method is a pure function of its arguments; clocks are passed in.
public struct ConsensusEngine: Sendable {
    /// The minimum seconds between blocks (`istanbul.BlockPeriod`; Klaytn's default is 1).
    public var blockPeriod: UInt64

    public init(blockPeriod: UInt64 = 1) {
        self.blockPeriod = blockPeriod
    }

    /// Checks an imported header against its parent and the parent's council
    /// (see ``HeaderVerification/verify(_:parent:validators:blockPeriod:now:)``).
    public func verifyHeader(_ header: Header, parent: Header, validators: ValidatorSet, now: UInt64) throws(ConsensusError) {
        try HeaderVerification.verify(header, parent: parent, validators: validators, blockPeriod: blockPeriod, now: now)
    }

    /// Checks a proposed header, which has no committed seals yet
    /// (see ``HeaderVerification/verifyProposal(_:parent:validators:blockPeriod:now:)``).
    public func verifyProposal(_ header: Header, parent: Header, validators: ValidatorSet, now: UInt64) throws(ConsensusError) {
        try HeaderVerification.verifyProposal(header, parent: parent, validators: validators, blockPeriod: blockPeriod, now: now)
    }

    /// Checks the proposer seal and the committed seals without the parent
    /// (see ``HeaderVerification/verifySeals(_:validators:)``).
    public func verifySeals(_ header: Header, validators: ValidatorSet) throws(ConsensusError) {
        try HeaderVerification.verifySeals(header, validators: validators)
    }

    /// The address that proposed (sealed) `header`.
    public func author(of header: Header) throws(ConsensusError) -> Address {
        try HeaderVerification.author(of: header)
    }

    /// The validators that committed `header`, in seal order, after checking the seals.
    public func committers(of header: Header, validators: ValidatorSet) throws(ConsensusError) -> [Address] {
        try HeaderVerification.committers(of: header, validators: validators)
    }

    /// Fills the consensus fields of a new header on top of `parent` (Klaytn's `Prepare`): number and
    /// parent hash, `rewardbase`, block score 1, the extra with `header.extra`'s vanity and the council,
    /// and the time: one block period after the parent (with the parent's hundredths) or, if that is
    /// already past, `now`. Governance, vote, BaseFee and Randao fields are the chain's to set.
    public func prepare(_ header: inout Header, parent: Header, validators: ValidatorSet,
                        rewardbase: Address, now: BlockTime) {
        header.parentHash = parent.hash
        header.number = parent.number &+ .one
        header.rewardbase = rewardbase
        header.blockScore = .one
        header.extra = IstanbulSealing.preparedExtra(vanity: header.extra, validators: validators.addresses)
        header.time = parent.time &+ UInt256(blockPeriod)
        header.timeFoS = parent.timeFoS
        if header.time < UInt256(now.seconds) {
            header.time = UInt256(now.seconds)
            header.timeFoS = now.hundredths
        }
    }

    /// `header` with `key`'s proposer seal; `unauthorized` if `key` is not one of `validators`
    /// (Klaytn's `Seal`, without the wait for the header's time, which is the caller's).
    public func seal(_ header: Header, with key: PrivateKey, validators: ValidatorSet) throws(ConsensusError) -> Header {
        guard validators.contains(key.address) else { throw .unauthorized }
        return try IstanbulSealing.seal(header, with: key)
    }
}
