import KlayPrimitives

/// Where a message belongs: the block number being agreed on (sequence) and the attempt (round).
/// Views order by sequence, then round. RLP `[round, sequence]` (`istanbul.View`).
public struct ConsensusView: Sendable, Hashable, Comparable {
    public var round: UInt64
    public var sequence: UInt64

    public init(sequence: UInt64, round: UInt64) {
        self.sequence = sequence
        self.round = round
    }

    public static func < (lhs: ConsensusView, rhs: ConsensusView) -> Bool {
        (lhs.sequence, lhs.round) < (rhs.sequence, rhs.round)
    }

    /// Appends `[round, sequence]`.
    public func write(to writer: inout RLPWriter) {
        writer.list { list in
            list.append(round)
            list.append(sequence)
        }
    }

    /// Reads `[round, sequence]`.
    public init(reading reader: inout RLPReader) throws(RLPError) {
        var list = try reader.readList()
        round = try list.readUInt64()
        sequence = try list.readUInt64()
        try list.finish()
    }
}
