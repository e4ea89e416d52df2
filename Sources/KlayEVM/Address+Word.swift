import KlayPrimitives

extension UInt256 {
    /// An address as a stack word (right-aligned, 12 zero bytes above it).
    @inline(__always)
    init(_ address: Address) {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        self = Swift.withUnsafeMutableBytes(of: &bytes) { raw in
            address.withUnsafeBytes { (raw.baseAddress! + 12).copyMemory(from: $0.baseAddress!, byteCount: 20) }
            return UInt256(bigEndian32: raw.baseAddress!)
        }
    }
}

extension Address {
    /// The low 20 bytes of a stack word.
    @inline(__always)
    public init(word: UInt256) {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        self = Swift.withUnsafeMutableBytes(of: &bytes) { raw in
            word.storeBigEndian32(to: raw.baseAddress!)
            return Address(unsafeBytes: raw.baseAddress! + 12)
        }
    }
}

extension Hash {
    /// A stack word as 32 big-endian bytes.
    @inline(__always)
    public init(word: UInt256) {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        self = Swift.withUnsafeMutableBytes(of: &bytes) { raw in
            word.storeBigEndian32(to: raw.baseAddress!)
            return Hash(unsafeBytes: raw.baseAddress!)
        }
    }
}
