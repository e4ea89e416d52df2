import KlayPrimitives
import KlayTypes

/// The core's state for one view: who votes and proposes, the accepted proposal and the votes so far.
public struct RoundState: Sendable, Equatable {
    /// The block being agreed on (sequence) and the attempt (round).
    public let view: ConsensusView
    /// The parent of the block being agreed on.
    public let parent: Header
    /// The parent's council.
    public let validators: ValidatorSet
    /// The proposer of the parent block (nil after the genesis), from which proposers are chosen.
    public let lastProposer: Address?
    /// This round's proposer.
    public let proposer: Address
    /// How far the round has got.
    public internal(set) var step: CoreStep = .acceptRequest
    /// The accepted PRE-PREPARE.
    public internal(set) var preprepare: Preprepare?
    /// PREPARE messages by sender.
    public internal(set) var prepares: [Address: IstanbulMessage] = [:]
    /// COMMIT messages by sender.
    public internal(set) var commits: [Address: IstanbulMessage] = [:]

    init(view: ConsensusView, parent: Header, validators: ValidatorSet, lastProposer: Address?, proposer: Address) {
        self.view = view
        self.parent = parent
        self.validators = validators
        self.lastProposer = lastProposer
        self.proposer = proposer
    }

    /// What PREPAREs and COMMITs must agree on, once a proposal is accepted.
    public var subject: Subject? {
        preprepare.map { Subject(view: view, digest: $0.proposal.hash, parentHash: $0.proposal.header.parentHash) }
    }

    /// Validators that sent a PREPARE or a COMMIT, each counted once (`GetPrepareOrCommitSize`).
    public var prepareOrCommitCount: Int {
        prepares.count + commits.keys.filter { prepares[$0] == nil }.count
    }
}
