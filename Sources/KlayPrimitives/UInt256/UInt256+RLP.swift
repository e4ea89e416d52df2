/// RLP for 256-bit integers: minimal big-endian bytes, zero as the empty string.
extension RLPWriter {
    /// Appends a 256-bit integer without allocating (balances, values, gas prices, signature scalars).
    @inlinable
    public mutating func append(_ value: UInt256) {
        if let small = value.uint64Value {
            append(small)
            return
        }
        let width = value.byteLength
        buffer.append(0x80 &+ UInt8(width))
        var word = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &word) { raw in
            value.storeBigEndian32(to: raw.baseAddress!)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(32 - width)...]))
        }
    }
}

extension RLPReader {
    /// Reads a canonical unsigned integer of at most 32 bytes.
    @inlinable
    public mutating func readUInt256() throws(RLPError) -> UInt256 {
        let bytes = try readBigEndianInteger(maxBytes: 32)
        return UInt256(bigEndian: bytes)!  // at most 32 bytes, checked above
    }
}
