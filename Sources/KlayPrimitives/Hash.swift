/// A 32-byte hash (Keccak-256 digests, block and transaction hashes, state roots), stored inline.
public struct Hash: FixedBytes {
    public static let byteCount = 32
    public static let zero = Hash(storage: (0, 0, 0, 0))

    /// The bytes in order, as four words in memory order (not numeric limbs).
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64)

    @usableFromInline init(storage: (UInt64, UInt64, UInt64, UInt64)) { self.storage = storage }

    /// A hash from four words read little-endian from memory (as Keccak's state lanes are).
    @inlinable
    init(littleEndianLanes w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        storage = (UInt64(littleEndian: w0), UInt64(littleEndian: w1), UInt64(littleEndian: w2), UInt64(littleEndian: w3))
    }

    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = storage
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw) }
    }

    @inlinable
    public mutating func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try Swift.withUnsafeMutableBytes(of: &storage) { (raw) throws(E) -> R in try body(raw) }
    }

    @inlinable
    public static func == (lhs: Hash, rhs: Hash) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1
            && lhs.storage.2 == rhs.storage.2 && lhs.storage.3 == rhs.storage.3
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
        hasher.combine(storage.3)
    }
}
