import KlayPrimitives

/// A call frame's memory: one growable byte buffer, sized in 32-byte words, zero-filled as it grows.
struct Memory {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    /// The gas of memory of `words` words: 3·words + words²/512.
    @inline(__always)
    static func cost(words: UInt64) -> UInt64 { words &* 3 &+ words &* words / 512 }

    /// The largest memory size accepted before gas arithmetic could overflow (as go-ethereum's 0x1FFFFFFFE0).
    static let maximumSize: UInt64 = 0x1F_FFFF_FFE0

    /// Grows to hold `end` bytes (rounded up to a word).
    @inline(__always)
    mutating func grow(to end: Int) {
        guard end > bytes.count else { return }
        let rounded = (end + 31) & ~31
        bytes.append(contentsOf: repeatElement(0, count: rounded - bytes.count))
    }

    @inline(__always)
    func word(at offset: Int) -> UInt256 {
        bytes.withUnsafeBytes { UInt256(bigEndian32: $0.baseAddress! + offset) }
    }

    @inline(__always)
    mutating func setWord(_ value: UInt256, at offset: Int) {
        bytes.withUnsafeMutableBytes { value.storeBigEndian32(to: $0.baseAddress! + offset) }
    }

    @inline(__always)
    mutating func setByte(_ value: UInt8, at offset: Int) { bytes[offset] = value }

    /// Copies `count` bytes of `source` from `sourceOffset` (zero past its end) to `offset`.
    mutating func copy(from source: [UInt8], sourceOffset: UInt256, to offset: Int, count: Int) {
        guard count > 0 else { return }
        let start = sourceOffset.intValue.map { min($0, source.count) } ?? source.count
        let available = min(count, source.count - start)
        bytes.withUnsafeMutableBytes { target in
            source.withUnsafeBytes { from in
                if available > 0 {
                    (target.baseAddress! + offset).copyMemory(from: from.baseAddress! + start, byteCount: available)
                }
            }
            if available < count {
                (target.baseAddress! + offset + available).initializeMemory(as: UInt8.self, repeating: 0, count: count - available)
            }
        }
    }

    /// Moves `count` bytes inside memory (MCOPY; regions may overlap).
    mutating func move(from source: Int, to target: Int, count: Int) {
        guard count > 0 else { return }
        bytes.withUnsafeMutableBytes { raw in
            (raw.baseAddress! + target).copyMemory(from: raw.baseAddress! + source, byteCount: count)
        }
    }

    func slice(_ offset: Int, _ count: Int) -> [UInt8] {
        count == 0 ? [] : Array(bytes[offset..<offset + count])
    }
}
