import KlayPrimitives

/// One signature as a transaction carries it: `V` as stored on the wire (EIP-155 style
/// `recid + 35 + 2·chainId`, `27 + recid`, or a bare y-parity for Ethereum types), `R` and `S`.
public struct TxSignature: Sendable, Hashable {
    public var v: UInt256
    public var r: UInt256
    public var s: UInt256

    public init(v: UInt256, r: UInt256, s: UInt256) {
        self.v = v
        self.r = r
        self.s = s
    }

    /// Writes `[V, R, S]`.
    func write(to writer: inout RLPWriter) {
        writer.list { list in
            list.append(v)
            list.append(r)
            list.append(s)
        }
    }

    /// Reads `[V, R, S]`.
    init(reading reader: inout RLPReader) throws(RLPError) {
        var list = try reader.readList()
        v = try list.readUInt256()
        r = try list.readUInt256()
        s = try list.readUInt256()
        try list.finish()
    }
}

extension [TxSignature] {
    /// Writes `[[V, R, S], …]`.
    func write(to writer: inout RLPWriter) {
        let marker = writer.beginList()
        for signature in self { signature.write(to: &writer) }
        writer.endList(marker)
    }

    /// Reads `[[V, R, S], …]`.
    init(reading reader: inout RLPReader) throws(RLPError) {
        var list = try reader.readList()
        var signatures: [TxSignature] = []
        while !list.isAtEnd { signatures.append(try TxSignature(reading: &list)) }
        self = signatures
    }
}
