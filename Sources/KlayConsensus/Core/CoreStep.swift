/// How far the current round has got (`core.State`): steps only move forward within a round.
public enum CoreStep: Int, Sendable, Comparable, CaseIterable {
    /// Waiting for the proposer's block.
    case acceptRequest
    /// A proposal is accepted; collecting PREPAREs.
    case preprepared
    /// A quorum has prepared (or committed); collecting COMMITs.
    case prepared
    /// A quorum has committed; the block is final.
    case committed

    public static func < (lhs: CoreStep, rhs: CoreStep) -> Bool { lhs.rawValue < rhs.rawValue }
}
