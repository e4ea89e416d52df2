/// An unsigned 256-bit integer: the EVM's word, balances, gas prices and signature scalars.
///
/// Stored inline as four 64-bit limbs, least significant first, so values live on the stack and in
/// registers with no heap allocation. Arithmetic wraps modulo 2^256 as the EVM's does; the signed
/// operations read the same bits as two's complement (see `UInt256+EVM.swift`).
@frozen
public struct UInt256: Sendable {
    /// The limbs, least significant first: the value is `limbs.0 + limbs.1·2^64 + limbs.2·2^128 + limbs.3·2^192`.
    public var limbs: (UInt64, UInt64, UInt64, UInt64)

    @inlinable @inline(__always)
    public init(limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }

    @inlinable @inline(__always)
    public init(_ value: UInt64) { limbs = (value, 0, 0, 0) }

    // Computed rather than stored: a stored static is a lazily initialised global, read through an
    // accessor call on every use, which the interpreter does on every comparison.
    @inlinable @inline(__always)
    public static var zero: UInt256 { UInt256(limbs: (0, 0, 0, 0)) }
    @inlinable @inline(__always)
    public static var one: UInt256 { UInt256(limbs: (1, 0, 0, 0)) }
    @inlinable @inline(__always)
    public static var max: UInt256 { UInt256(limbs: (.max, .max, .max, .max)) }

    /// Whether the value is zero.
    @inlinable @inline(__always)
    public var isZero: Bool { (limbs.0 | limbs.1 | limbs.2 | limbs.3) == 0 }

    /// The value as a `UInt64`, or nil if it does not fit.
    @inlinable @inline(__always)
    public var uint64Value: UInt64? { (limbs.1 | limbs.2 | limbs.3) == 0 ? limbs.0 : nil }

    /// The value as an `Int`, or nil if it does not fit (for sizes and offsets).
    @inlinable @inline(__always)
    public var intValue: Int? {
        guard let small = uint64Value, small <= UInt64(Int.max) else { return nil }
        return Int(small)
    }

    /// Limb `index` (0 is least significant).
    @inlinable
    public subscript(limb index: Int) -> UInt64 {
        get {
            switch index {
            case 0: return limbs.0
            case 1: return limbs.1
            case 2: return limbs.2
            default: return limbs.3
            }
        }
        set {
            switch index {
            case 0: limbs.0 = newValue
            case 1: limbs.1 = newValue
            case 2: limbs.2 = newValue
            default: limbs.3 = newValue
            }
        }
    }

    /// The number of leading zero bits (256 for zero).
    @inlinable
    public var leadingZeroBitCount: Int {
        if limbs.3 != 0 { return limbs.3.leadingZeroBitCount }
        if limbs.2 != 0 { return 64 + limbs.2.leadingZeroBitCount }
        if limbs.1 != 0 { return 128 + limbs.1.leadingZeroBitCount }
        return 192 + limbs.0.leadingZeroBitCount
    }

    /// The number of significant bits (0 for zero).
    @inlinable
    public var bitLength: Int { 256 - leadingZeroBitCount }

    /// The number of significant bytes (0 for zero): the length of the minimal big-endian form,
    /// as RLP and EXP's gas use it.
    @inlinable
    public var byteLength: Int { (bitLength + 7) >> 3 }
}

extension UInt256: Hashable {
    @inlinable @inline(__always)
    public static func == (lhs: UInt256, rhs: UInt256) -> Bool {
        ((lhs.limbs.0 ^ rhs.limbs.0) | (lhs.limbs.1 ^ rhs.limbs.1) | (lhs.limbs.2 ^ rhs.limbs.2) | (lhs.limbs.3 ^ rhs.limbs.3)) == 0
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(limbs.0)
        hasher.combine(limbs.1)
        hasher.combine(limbs.2)
        hasher.combine(limbs.3)
    }
}

extension UInt256: Comparable {
    /// Unsigned order.
    @inlinable @inline(__always)
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.limbs.3 != rhs.limbs.3 { return lhs.limbs.3 < rhs.limbs.3 }
        if lhs.limbs.2 != rhs.limbs.2 { return lhs.limbs.2 < rhs.limbs.2 }
        if lhs.limbs.1 != rhs.limbs.1 { return lhs.limbs.1 < rhs.limbs.1 }
        return lhs.limbs.0 < rhs.limbs.0
    }
}

extension UInt256: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: UInt64) { self.init(value) }
}

extension UInt256: CustomStringConvertible {
    /// Decimal.
    public var description: String { decimalString }
}
