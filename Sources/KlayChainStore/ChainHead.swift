import KlayPrimitives

/// The head of the chain: the last block whose state, receipts and indexes are committed.
public struct ChainHead: Sendable, Hashable {
    /// The head block's hash.
    public let hash: Hash
    /// The head block's number.
    public let number: UInt64

    /// A head at block `hash`, numbered `number`.
    public init(hash: Hash, number: UInt64) {
        self.hash = hash
        self.number = number
    }

    /// The stored form: hash(32) ‖ number(8, big-endian).
    var encoded: [UInt8] { hash.bytes + ChainKeys.encode(number) }

    /// Reads the stored form; nil if `bytes` is not 40 bytes long.
    init?(encoded bytes: [UInt8]) {
        guard bytes.count == 40, let number = ChainKeys.decodeNumber(bytes[32...]),
              let hash = try? Hash(bytes: bytes[..<32]) else { return nil }
        self.init(hash: hash, number: number)
    }
}
