import KlayPrimitives

/// The body of PREPARE, COMMIT and ROUND CHANGE messages: the view, the proposal's block hash and its
/// parent's hash. RLP `[view, digest, prevHash]` (`istanbul.Subject`).
public struct Subject: Sendable, Hashable {
    public var view: ConsensusView
    /// The proposed block's hash.
    public var digest: Hash
    /// The proposed block's parent hash.
    public var parentHash: Hash

    public init(view: ConsensusView, digest: Hash, parentHash: Hash) {
        self.view = view
        self.digest = digest
        self.parentHash = parentHash
    }

    /// The RLP form.
    public var encoded: [UInt8] {
        var writer = RLPWriter(capacity: 96)
        writer.list { list in
            view.write(to: &list)
            digest.withUnsafeBytes { list.append(bytes: $0) }
            parentHash.withUnsafeBytes { list.append(bytes: $0) }
        }
        return writer.bytes
    }

    /// Decodes the RLP form.
    public init(encoded bytes: [UInt8]) throws(RLPError) {
        var reader = RLPReader(bytes)
        var list = try reader.readList()
        view = try ConsensusView(reading: &list)
        digest = try list.readFixed()
        parentHash = try list.readFixed()
        try list.finish()
        try reader.finish()
    }
}
