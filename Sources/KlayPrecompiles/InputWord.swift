import KlayPrimitives

extension Array where Element == UInt8 {
    /// The 32-byte big-endian word at `offset`, reading bytes past the end as zero (Go's `getData`).
    func word(at offset: Int) -> UInt256 {
        if offset >= 0, offset <= count - 32 {
            return withUnsafeBytes { UInt256(bigEndian32: $0.baseAddress! + offset) }
        }
        var value = UInt256.zero
        for index in 0..<32 {
            let position = offset + index
            guard position < count else { break }
            value[limb: (31 - index) >> 3] |= UInt64(self[position]) << UInt64(((31 - index) & 7) * 8)
        }
        return value
    }
}
