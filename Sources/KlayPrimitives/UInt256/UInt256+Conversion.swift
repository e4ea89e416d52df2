/// Why a text could not be read as a ``UInt256``.
public enum UInt256Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// No digits at all (an empty string, or `0x` alone).
    case empty
    /// A character that is not a digit of the base, at the given offset within the digits.
    case invalidDigit(Character, offset: Int)
    /// The value needs more than 256 bits.
    case overflow

    public var description: String {
        switch self {
        case .empty: return "empty number"
        case .invalidDigit(let c, let offset): return "invalid digit \"\(c)\" at offset \(offset)"
        case .overflow: return "number larger than 256 bits"
        }
    }
}

/// Big-endian bytes, decimal and hexadecimal text.
extension UInt256 {
    /// The value of big-endian `bytes` (leading zeros allowed), or nil when they are more than 32.
    @inlinable
    public init?<Bytes: Collection<UInt8>>(bigEndian bytes: Bytes) {
        guard bytes.count <= 32 else { return nil }
        var value = UInt256.zero
        var bitOffset = (bytes.count - 1) * 8
        for byte in bytes {
            value[limb: bitOffset >> 6] |= UInt64(byte) << UInt64(bitOffset & 63)
            bitOffset -= 8
        }
        self = value
    }

    /// The value of the 32 big-endian bytes at `pointer` (any alignment; no allocation).
    @inlinable @inline(__always)
    public init(bigEndian32 pointer: UnsafeRawPointer) {
        self.init(limbs: (
            UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
            UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
            UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))))
    }

    /// Writes the value as 32 big-endian bytes at `pointer` (any alignment; no allocation).
    @inlinable @inline(__always)
    public func storeBigEndian32(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: limbs.3.bigEndian, toByteOffset: 0, as: UInt64.self)
        pointer.storeBytes(of: limbs.2.bigEndian, toByteOffset: 8, as: UInt64.self)
        pointer.storeBytes(of: limbs.1.bigEndian, toByteOffset: 16, as: UInt64.self)
        pointer.storeBytes(of: limbs.0.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The value as a hash-sized word (EVM storage keys and values, topics).
    @inlinable
    public init(_ word: Hash) {
        self = word.withUnsafeBytes { UInt256(bigEndian32: $0.baseAddress!) }
    }

    /// The 32-byte big-endian form.
    public var bigEndianBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            storeBigEndian32(to: buffer.baseAddress!)
            count = 32
        }
    }

    /// The shortest big-endian form (no leading zeros; empty for zero), as RLP encodes integers.
    public var minimalBigEndianBytes: [UInt8] { Array(bigEndianBytes.dropFirst(32 - byteLength)) }

    /// Parses decimal digits (no sign, no separators).
    public init(decimal text: some StringProtocol) throws(UInt256Error) {
        var value = UInt256.zero
        var offset = 0
        for c in text.utf8 {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else {
                throw .invalidDigit(Character(Unicode.Scalar(c)), offset: offset)
            }
            let (high, times10) = value.multipliedFullWidth(by: UInt256(10))
            let (sum, carry) = times10.addingReportingOverflow(UInt256(UInt64(c &- UInt8(ascii: "0"))))
            guard high.isZero && !carry else { throw .overflow }
            value = sum
            offset += 1
        }
        guard offset > 0 else { throw .empty }
        self = value
    }

    /// Parses hexadecimal digits with or without a `0x` prefix; leading zeros are allowed.
    public init(hex text: some StringProtocol) throws(UInt256Error) {
        var digits = Substring(text).utf8[...]
        if digits.count >= 2, digits.first == UInt8(ascii: "0"),
           digits.dropFirst().first == UInt8(ascii: "x") || digits.dropFirst().first == UInt8(ascii: "X") {
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty else { throw .empty }
        var value = UInt256.zero
        var offset = 0
        for c in digits {
            guard let nibble = Hex.nibble(c) else { throw .invalidDigit(Character(Unicode.Scalar(c)), offset: offset) }
            guard value.limbs.3 >> 60 == 0 else { throw .overflow }
            value = (value << 4) | UInt256(UInt64(nibble))
            offset += 1
        }
        self = value
    }

    /// Decimal text.
    public var decimalString: String {
        if let small = uint64Value { return String(small) }
        // Peel off 19 decimal digits at a time (10^19 is the largest power of ten below 2^64).
        let chunk: UInt64 = 10_000_000_000_000_000_000
        var rest = self
        var parts: [UInt64] = []
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: UInt256(chunk))
            parts.append(remainder.limbs.0)
            rest = quotient
        }
        var text = String(parts.removeLast())
        for part in parts.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    /// `0x` hex without leading zeros (`0x0` for zero): the JSON-RPC quantity form.
    public var hexString: String {
        if isZero { return "0x0" }
        let text = Hex.encode(minimalBigEndianBytes, prefix: false)
        return "0x" + (text.first == "0" ? String(text.dropFirst()) : text)
    }
}
