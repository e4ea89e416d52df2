import KlayPrimitives
import KlayTypes

/// Istanbul BFT for one validator as a pure state machine: it takes ``CoreEvent``s and returns
/// ``CoreAction``s, and never touches a clock, a socket or a thread, so a test can run any number of
/// validators in one process.
///
/// A round goes PRE-PREPARE (the proposer's block) → PREPARE (each committee member accepts it) →
/// COMMIT (after ``ValidatorSet/requiredMessageCount`` prepares or commits, carrying committed seals) →
/// committed (after that many commits). Messages this node broadcasts are handled by it at once, in
/// the same call, so with a council of one a proposal is committed by the `.proposal` event alone.
/// Messages for a later view or step are kept and replayed when the core gets there.
///
/// Not yet here (they come with rounds for N validators): round changes and their timers, hash locking
/// across rounds, pending proposals for a later height, and committees smaller than the council.
public struct IstanbulCore: Sendable {
    /// Checks a proposal before the core prepares it, as Klaytn's `backend.Verify` does: the header
    /// (``ConsensusEngine/verifyProposal(_:parent:validators:now:)``) and whatever the chain checks
    /// (transactions root, fork fields). Throwing rejects the proposal.
    public typealias ProposalVerifier = @Sendable (_ proposal: Block, _ parent: Header, _ validators: ValidatorSet) throws -> Void

    /// The current view's state; nil before the first `.start`.
    public private(set) var current: RoundState?
    /// Messages from other validators kept for a later view or step.
    public private(set) var backlog: [IstanbulMessage] = []

    private let key: PrivateKey
    private let verifyProposal: ProposalVerifier

    /// A core that signs with `key` and checks proposals with `verifyProposal`.
    public init(key: PrivateKey, verifyProposal: @escaping ProposalVerifier) {
        self.key = key
        self.verifyProposal = verifyProposal
    }

    /// This validator's address.
    public var address: Address { key.address }

    /// Handles `event` and returns what the node must do, in order. Throws when the event is refused;
    /// nothing changes then, except that a future message is kept for replay.
    public mutating func handle(_ event: CoreEvent) throws(IstanbulCoreError) -> [CoreAction] {
        var outbox = Outbox()
        switch event {
        case .start(let parent, let validators): try start(parent: parent, validators: validators)
        case .proposal(let block): try propose(block, outbox: &outbox)
        case .message(let message): try receive(message, outbox: &outbox)
        }
        settle(&outbox)
        return outbox.actions
    }

    // MARK: Events

    /// Begins round 0 of the height after `parent`. A repeated start for the same parent keeps the
    /// round as it is (Klaytn ignores a new round 0 for the sequence it is already on).
    private mutating func start(parent: Header, validators: ValidatorSet) throws(IstanbulCoreError) {
        if let current, current.parent.hash == parent.hash, current.validators == validators { return }
        guard validators.hasWholeCouncilCommittee else {
            throw .committeeSelectionUnsupported(councilSize: validators.count, committeeSize: validators.subGroupSize)
        }
        let lastProposer = parent.number == .zero ? nil : try? HeaderVerification.author(of: parent)
        guard let proposer = validators.proposer(lastProposer: lastProposer, round: 0) else { throw .emptyValidatorSet }
        let view = ConsensusView(sequence: (parent.number.uint64Value ?? .max) &+ 1, round: 0)
        current = RoundState(view: view, parent: parent, validators: validators,
                             lastProposer: lastProposer, proposer: proposer)
    }

    /// Broadcasts a PRE-PREPARE for this node's block when it is the proposer and the round has no
    /// proposal yet; otherwise the block is dropped, as Klaytn's `sendPreprepare` does.
    private func propose(_ block: Block, outbox: inout Outbox) throws(IstanbulCoreError) {
        guard let current else { throw .notStarted }
        if block.number < current.view.sequence { throw .oldMessage }
        if block.number > current.view.sequence { throw .futureMessage }
        guard current.step == .acceptRequest, current.proposer == address else { return }
        let header: Header
        do {
            header = try IstanbulSealing.writeRound(block.header, round: current.view.round)
        } catch {
            throw .invalidProposal(error.description)
        }
        let preprepare = Preprepare(view: current.view, proposal: Block(header: header, transactions: block.transactions))
        broadcast(.preprepare, body: preprepare.encoded, parentHash: header.parentHash, outbox: &outbox)
    }

    /// Authenticates `message`, checks that it belongs to the current view and step (keeping it for
    /// later if it is early) and hands it to its handler.
    private mutating func receive(_ message: IstanbulMessage, outbox: inout Outbox) throws(IstanbulCoreError) {
        guard var round = current else { throw .notStarted }
        guard let signer = try? message.signer() else { throw .invalidMessage }
        guard signer == message.address, round.validators.contains(signer) else { throw .unauthorizedAddress }
        let body = try MessageBody(of: message)
        do {
            try Self.checkTiming(of: message.code, view: body.view, in: round)
        } catch .futureMessage {
            if signer != address { backlog.append(message) }
            throw .futureMessage
        }
        switch body {
        case .preprepare(let preprepare): try handlePreprepare(preprepare, from: signer, in: &round, outbox: &outbox)
        case .prepare(let subject): try handlePrepare(message, subject: subject, from: signer, in: &round, outbox: &outbox)
        case .commit(let subject): try handleCommit(message, subject: subject, from: signer, in: &round, outbox: &outbox)
        }
        current = round
    }

    // MARK: Steps

    /// Klaytn's `checkMessage` for PRE-PREPARE, PREPARE and COMMIT: another view is old or future;
    /// in this view, votes are future until a proposal is accepted.
    private static func checkTiming(of code: MessageCode, view: ConsensusView, in round: RoundState) throws(IstanbulCoreError) {
        if view > round.view { throw .futureMessage }
        if view < round.view { throw .oldMessage }
        if round.step == .acceptRequest && code != .preprepare { throw .futureMessage }
    }

    private func handlePreprepare(_ preprepare: Preprepare, from sender: Address, in round: inout RoundState,
                                  outbox: inout Outbox) throws(IstanbulCoreError) {
        guard sender == round.proposer else { throw .notFromProposer }
        guard round.step == .acceptRequest else { return }
        try check(preprepare.proposal, in: round)
        round.preprepare = preprepare
        round.step = .preprepared
        sendVote(.prepare, in: round, outbox: &outbox)
    }

    private func handlePrepare(_ message: IstanbulMessage, subject: Subject, from sender: Address,
                               in round: inout RoundState, outbox: inout Outbox) throws(IstanbulCoreError) {
        guard subject == round.subject else { throw .inconsistentSubject }
        guard isInCommittee(sender, round) else { throw .notFromCommittee }
        round.prepares[sender] = message
        prepareIfQuorum(&round, outbox: &outbox)
    }

    private func handleCommit(_ message: IstanbulMessage, subject: Subject, from sender: Address,
                              in round: inout RoundState, outbox: inout Outbox) throws(IstanbulCoreError) {
        guard subject == round.subject else { throw .inconsistentSubject }
        guard isInCommittee(sender, round) else { throw .notFromCommittee }
        let sealData = IstanbulSealing.committedSealData(blockHash: subject.digest)
        guard (try? IstanbulSignature.recoverSigner(of: sealData, signature: message.committedSeal)) == sender else {
            throw .invalidCommittedSeal
        }
        round.commits[sender] = message
        prepareIfQuorum(&round, outbox: &outbox)
        if round.step < .committed && round.commits.count >= round.validators.requiredMessageCount {
            try commit(&round, outbox: &outbox)
        }
    }

    /// Moves to prepared and sends this node's COMMIT once enough validators prepared or committed.
    private func prepareIfQuorum(_ round: inout RoundState, outbox: inout Outbox) {
        guard round.step < .prepared, round.prepareOrCommitCount >= round.validators.requiredMessageCount else { return }
        round.step = .prepared
        sendVote(.commit, in: round, outbox: &outbox)
    }

    /// Writes the committed seals (in council order) and the round into the proposal and emits it.
    private func commit(_ round: inout RoundState, outbox: inout Outbox) throws(IstanbulCoreError) {
        guard let proposal = round.preprepare?.proposal else { return }
        let seals = round.validators.addresses.compactMap { round.commits[$0]?.committedSeal }
        let header: Header
        do {
            header = try IstanbulSealing.writeCommittedSeals(proposal.header, seals: seals, round: round.view.round)
        } catch {
            throw .invalidProposal(error.description)
        }
        round.step = .committed
        outbox.actions.append(.commit(Block(header: header, transactions: proposal.transactions)))
    }

    /// Checks that a proposal builds on the round's parent at its height with readable Istanbul extra,
    /// then runs the injected verifier.
    private func check(_ proposal: Block, in round: RoundState) throws(IstanbulCoreError) {
        guard proposal.number == round.view.sequence, proposal.header.parentHash == round.parent.hash else {
            throw .invalidProposal(ConsensusError.unknownAncestor.description)
        }
        guard (try? IstanbulExtra(extra: proposal.header.extra)) != nil else {
            throw .invalidProposal(ConsensusError.invalidExtraDataFormat.description)
        }
        do {
            try verifyProposal(proposal, round.parent, round.validators)
        } catch {
            throw .invalidProposal(String(describing: error))
        }
    }

    /// Whether `address` votes in this round: the whole council, as ``start(parent:validators:)``
    /// admits only councils that fit the committee size.
    private func isInCommittee(_ address: Address, _ round: RoundState) -> Bool {
        round.validators.contains(address)
    }

    /// Broadcasts this node's PREPARE or COMMIT on the round's subject, if it is in the committee;
    /// a COMMIT carries the committed seal over the proposal's hash.
    private func sendVote(_ code: MessageCode, in round: RoundState, outbox: inout Outbox) {
        guard isInCommittee(address, round), let subject = round.subject else { return }
        let committedSeal = code == .commit ? IstanbulSealing.commitSeal(blockHash: subject.digest, with: key) : []
        broadcast(code, body: subject.encoded, parentHash: subject.parentHash, committedSeal: committedSeal, outbox: &outbox)
    }

    private func broadcast(_ code: MessageCode, body: [UInt8], parentHash: Hash, committedSeal: [UInt8] = [],
                           outbox: inout Outbox) {
        let message = IstanbulMessage.signed(code: code, body: body, parentHash: parentHash,
                                             committedSeal: committedSeal, by: key)
        outbox.actions.append(.broadcast(message))
        outbox.ownMessages.append(message)
    }

    // MARK: Delivery

    /// Handles this node's own messages, then replays kept messages that are now due, until neither
    /// makes progress. Errors here are the messages' own and are dropped, as Klaytn logs them.
    private mutating func settle(_ outbox: inout Outbox) {
        repeat {
            while !outbox.ownMessages.isEmpty {
                let message = outbox.ownMessages.removeFirst()
                try? receive(message, outbox: &outbox)
            }
        } while replayBacklog(&outbox)
    }

    /// Replays kept messages that are no longer early and drops those that are now old; returns
    /// whether any was replayed.
    private mutating func replayBacklog(_ outbox: inout Outbox) -> Bool {
        guard let round = current, !backlog.isEmpty else { return false }
        var due: [IstanbulMessage] = []
        var kept: [IstanbulMessage] = []
        for message in backlog {
            guard let body = try? MessageBody(of: message) else { continue }
            do {
                try Self.checkTiming(of: message.code, view: body.view, in: round)
                due.append(message)
            } catch .futureMessage {
                kept.append(message)
            } catch {
                continue
            }
        }
        backlog = kept
        for message in due { try? receive(message, outbox: &outbox) }
        return !due.isEmpty
    }

    /// What one event produces: the actions for the node and this node's messages still to handle.
    private struct Outbox {
        var actions: [CoreAction] = []
        var ownMessages: [IstanbulMessage] = []
    }
}
