/// The kind of an Istanbul consensus message (`msgPreprepare` … `msgRoundChange` in
/// `consensus/istanbul/core/types.go`). The commit code also ends what a committed seal signs.
public enum MessageCode: UInt64, Sendable, CaseIterable {
    /// The proposer's block for a view.
    case preprepare = 0
    /// A validator has accepted the view's proposal.
    case prepare = 1
    /// A validator has seen a prepare quorum and commits, carrying its committed seal.
    case commit = 2
    /// A validator asks to move to a later round.
    case roundChange = 3
}
