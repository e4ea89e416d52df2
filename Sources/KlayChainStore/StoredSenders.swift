import KlayPrimitives

/// A block's transaction senders as stored: the 20-byte addresses one after another, in block order.
enum StoredSenders {
    static func encode(_ senders: [Address]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(senders.count * Address.byteCount)
        for sender in senders { sender.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// Splits `bytes` into addresses; nil if its length is not a multiple of 20.
    static func decode(_ bytes: [UInt8]) -> [Address]? {
        guard bytes.count % Address.byteCount == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: Address.byteCount).map { start in
            bytes[start..<start + Address.byteCount].withUnsafeBytes { Address(unsafeBytes: $0.baseAddress!) }
        }
    }
}
