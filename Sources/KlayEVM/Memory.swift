#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KlayPrimitives

/// A call frame's memory: zero-filled bytes, sized in 32-byte words.
///
/// The bytes live in a raw buffer that grows by doubling, so the interpreter reads and writes words
/// through a pointer (no array closures in the hot loop) and growing a word at a time costs nothing
/// until the capacity runs out. Bytes past `count` are always zero (every write lands inside `count`,
/// after ``Frame/expandMemory(offset:size:)``), so growing within the capacity only moves `count`.
/// Copies of a `Memory` share the buffer: each frame makes its own and only the frame mutates it.
struct Memory {
    /// The owner of the raw buffer: zeroed by `calloc`, so large buffers (fresh pages from the kernel)
    /// are not written until used.
    final class Buffer {
        let pointer: UnsafeMutableRawPointer
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            guard let zeroed = calloc(Swift.max(capacity, 1), 1) else { fatalError("EVM memory: out of memory for \(capacity) bytes") }
            pointer = zeroed
        }

        deinit { free(pointer) }
    }

    private var buffer: Buffer?
    /// The size in bytes (a multiple of 32).
    private(set) var count = 0

    /// The smallest buffer allocated (bytes).
    static let initialCapacity = 4096

    /// The gas of memory of `words` words: 3·words + words²/512.
    @inline(__always)
    static func cost(words: UInt64) -> UInt64 { words &* 3 &+ words &* words / 512 }

    /// The largest memory size accepted before gas arithmetic could overflow (as go-ethereum's 0x1FFFFFFFE0).
    static let maximumSize: UInt64 = 0x1F_FFFF_FFE0

    /// The first byte (valid for `count` bytes; only meaningful when `count > 0`).
    @inline(__always)
    private var base: UnsafeMutableRawPointer { buffer.unsafelyUnwrapped.pointer }

    /// Grows to hold `end` bytes (rounded up to a word).
    @inline(__always)
    mutating func grow(to end: Int) {
        guard end > count else { return }
        let rounded = (end + 31) & ~31
        if rounded > (buffer?.capacity ?? 0) { reallocate(atLeast: rounded) }
        count = rounded
    }

    /// Moves the bytes to a zeroed buffer of at least `size` bytes (doubling the old capacity).
    @inline(never)
    private mutating func reallocate(atLeast size: Int) {
        let bigger = Buffer(capacity: Swift.max(size, 2 * (buffer?.capacity ?? 0), Self.initialCapacity))
        if let old = buffer, count > 0 { bigger.pointer.copyMemory(from: old.pointer, byteCount: count) }
        buffer = bigger
    }

    @inline(__always)
    func word(at offset: Int) -> UInt256 {
        UInt256(bigEndian32: base + offset)
    }

    @inline(__always)
    mutating func setWord(_ value: UInt256, at offset: Int) {
        value.storeBigEndian32(to: base + offset)
    }

    @inline(__always)
    mutating func setByte(_ value: UInt8, at offset: Int) { base.storeBytes(of: value, toByteOffset: offset, as: UInt8.self) }

    /// Calls `body` with the `count` bytes of memory.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: count == 0 ? nil : UnsafeRawPointer(base), count: count))
    }

    /// Copies `count` bytes of `source` from `sourceOffset` (zero past its end) to `offset`.
    mutating func copy(from source: [UInt8], sourceOffset: UInt256, to offset: Int, count: Int) {
        guard count > 0 else { return }
        let start = sourceOffset.intValue.map { Swift.min($0, source.count) } ?? source.count
        let available = Swift.min(count, source.count - start)
        let target = base + offset
        if available > 0 {
            source.withUnsafeBytes { from in target.copyMemory(from: from.baseAddress! + start, byteCount: available) }
        }
        if available < count {
            (target + available).initializeMemory(as: UInt8.self, repeating: 0, count: count - available)
        }
    }

    /// Moves `count` bytes inside memory (MCOPY; regions may overlap).
    mutating func move(from source: Int, to target: Int, count: Int) {
        guard count > 0 else { return }
        (base + target).copyMemory(from: base + source, byteCount: count)
    }

    func slice(_ offset: Int, _ count: Int) -> [UInt8] {
        count == 0 ? [] : Array(UnsafeRawBufferPointer(start: base + offset, count: count))
    }
}
