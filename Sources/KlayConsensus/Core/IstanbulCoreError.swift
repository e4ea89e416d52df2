/// Why the core refused an event. Texts are Klaytn's (`consensus/istanbul/core/errors.go`,
/// `consensus/istanbul/errors.go`, `backend/engine.go`) where it has one; the last three cases are
/// limits of this implementation and say so.
public enum IstanbulCoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Malformed RLP, an unknown code, a body that does not decode, or a signature that recovers nothing.
    case invalidMessage
    /// The message is for a later view, or for a later step of this view; it was kept and is replayed
    /// when the core gets there.
    case futureMessage
    /// The message is for an earlier view.
    case oldMessage
    /// A PRE-PREPARE from a validator that is not this round's proposer.
    case notFromProposer
    /// A PREPARE or COMMIT from a validator outside the committee.
    case notFromCommittee
    /// A PREPARE or COMMIT about a different proposal or view than the accepted PRE-PREPARE.
    case inconsistentSubject
    /// The signer is not a validator, or is not the address the message names.
    case unauthorizedAddress
    /// A COMMIT whose committed seal is not the sender's over the proposal.
    case invalidCommittedSeal
    /// The proposal failed verification; carries the verifier's reason.
    case invalidProposal(String)
    /// An event other than `.start` before the first `.start`.
    case notStarted
    /// A council with no validators.
    case emptyValidatorSet
    /// A council larger than the committee size: Klaytn draws the committee with Go's `math/rand`,
    /// which this implementation does not reproduce yet.
    case committeeSelectionUnsupported(councilSize: Int, committeeSize: UInt64)
    /// ROUND CHANGE messages are not handled yet (round changes and timeouts come with N > 1 rounds).
    case roundChangeUnsupported

    public var description: String {
        switch self {
        case .invalidMessage: "invalid message"
        case .futureMessage: "future message"
        case .oldMessage: "old message"
        case .notFromProposer: "message does not come from proposer"
        case .notFromCommittee: "message does not come from a committee"
        case .inconsistentSubject: "inconsistent subjects"
        case .unauthorizedAddress: "unauthorized address"
        case .invalidCommittedSeal: "invalid committed seals"
        case .invalidProposal(let reason): "invalid proposal: \(reason)"
        case .notStarted: "consensus core not started"
        case .emptyValidatorSet: "empty validator set"
        case .committeeSelectionUnsupported(let council, let committee):
            "committee selection not implemented: council of \(council) exceeds committee size \(committee)"
        case .roundChangeUnsupported: "round change messages are not handled yet"
        }
    }
}
