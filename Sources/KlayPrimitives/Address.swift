/// A 20-byte account address, stored inline.
///
/// Text forms: ``hex`` is lower case (what JSON-RPC returns); ``checksummed`` is EIP-55 mixed case.
public struct Address: FixedBytes {
    public static let byteCount = 20
    public static let zero = Address(storage: (0, 0, 0))

    /// The bytes in order: 8 + 8 + 4 bytes in memory order, no padding.
    @usableFromInline var storage: (UInt64, UInt64, UInt32)

    @usableFromInline init(storage: (UInt64, UInt64, UInt32)) { self.storage = storage }

    /// The last 20 bytes of a hash: how addresses derive from public keys and contract creation.
    @inlinable
    public init(lastBytesOf hash: Hash) {
        self = hash.withUnsafeBytes { Address(unsafeBytes: $0.baseAddress! + 12) }
    }

    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = storage
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in
            try body(UnsafeRawBufferPointer(rebasing: raw.prefix(Address.byteCount)))
        }
    }

    @inlinable
    public mutating func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try Swift.withUnsafeMutableBytes(of: &storage) { (raw) throws(E) -> R in
            try body(UnsafeMutableRawBufferPointer(rebasing: raw.prefix(Address.byteCount)))
        }
    }

    @inlinable
    public static func == (lhs: Address, rhs: Address) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1 && lhs.storage.2 == rhs.storage.2
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
    }
}

/// Why an address text was refused.
public enum AddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case hex(HexError)
    /// Mixed-case text whose letters do not match the EIP-55 checksum.
    case badChecksum

    public var description: String {
        switch self {
        case .hex(let error): return "invalid address: \(error)"
        case .badChecksum: return "invalid address: EIP-55 checksum mismatch"
        }
    }
}

extension Address {
    /// EIP-55 mixed-case hex: a letter is upper case when the matching nibble of
    /// keccak256(lower-case hex digits) is 8 or more.
    public var checksummed: String {
        var digits = Array(hex.utf8.dropFirst(2))
        let digest = Keccak256.hash(digits)
        digest.withUnsafeBytes { hashBytes in
            for i in digits.indices where digits[i] >= UInt8(ascii: "a") {
                let nibble = i % 2 == 0 ? hashBytes[i / 2] >> 4 : hashBytes[i / 2] & 0x0f
                if nibble >= 8 { digits[i] -= 0x20 }
            }
        }
        return "0x" + String(decoding: digits, as: UTF8.self)
    }

    /// Parses an address, checking the EIP-55 checksum when the text mixes upper and lower case
    /// (all-lower and all-upper text carries no checksum and is accepted as is).
    public init(validatingChecksum text: some StringProtocol) throws(AddressError) {
        do {
            self = try Address(hex: text)
        } catch {
            throw .hex(error)
        }
        let whole = Substring(text)
        let digits = whole.hasPrefix("0x") || whole.hasPrefix("0X") ? whole.dropFirst(2) : whole
        let hasLower = digits.contains { $0.isLowercase }
        let hasUpper = digits.contains { $0.isUppercase }
        if hasLower && hasUpper && checksummed.dropFirst(2) != digits {
            throw .badChecksum
        }
    }
}
