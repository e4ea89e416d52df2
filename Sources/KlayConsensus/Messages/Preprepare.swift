import KlayPrimitives
import KlayTypes

/// The body of a PRE-PREPARE message: the view and the proposed block. RLP `[view, block]`
/// (`istanbul.Preprepare`), the block in its network form `[header, [tx…]]`.
public struct Preprepare: Sendable, Equatable {
    public var view: ConsensusView
    public var proposal: Block

    public init(view: ConsensusView, proposal: Block) {
        self.view = view
        self.proposal = proposal
    }

    /// The RLP form.
    public var encoded: [UInt8] {
        let block = proposal.encoded
        var writer = RLPWriter(capacity: block.count + 32)
        writer.list { list in
            view.write(to: &list)
            list.appendRaw(block)
        }
        return writer.bytes
    }

    /// Decodes the RLP form; any malformation, in the view or the block, is an invalid message.
    public init(encoded bytes: [UInt8]) throws(IstanbulCoreError) {
        do {
            var reader = RLPReader(bytes)
            var list = try reader.readList()
            view = try ConsensusView(reading: &list)
            proposal = try Block(encoded: Array(try list.readRaw()))
            try list.finish()
            try reader.finish()
        } catch {
            throw .invalidMessage
        }
    }
}
