import KlayPrimitives

/// Why a genesis file was rejected. `path` names the offending field, dot-separated from the top
/// (e.g. `alloc.0x…01.balance`, `config.governance.reward.minimumStake`).
public enum GenesisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not JSON.
    case invalidJSON(offset: Int, reason: String)
    /// A value of the wrong JSON kind, e.g. a number where a hex string belongs.
    case wrongType(path: String, expected: String)
    /// A required field is absent or null (`config`, `alloc`, an account's `balance`).
    case missingField(path: String)
    /// Not a non-negative integer in the field's notation, or too large for the field.
    case invalidNumber(path: String, text: String)
    /// Malformed hex bytes: a bad digit, an odd number of digits, or a missing `0x`.
    case invalidHex(path: String, HexError)
    /// `governanceData` that is not standard padded base64.
    case invalidBase64(path: String)
    /// An address that is not 20 bytes of hex.
    case invalidAddress(path: String, text: String)
    /// A storage key or value with more than 64 hex digits (32 bytes).
    case storageWordTooLong(path: String, digits: Int)
    /// The same address appears twice in `alloc` (e.g. once with and once without `0x`).
    case duplicateAccount(Address)

    public var description: String {
        switch self {
        case .invalidJSON(let offset, let reason): return "genesis: invalid JSON at offset \(offset): \(reason)"
        case .wrongType(let path, let expected): return "genesis: \(path): expected \(expected)"
        case .missingField(let path): return "genesis: \(path) is required"
        case .invalidNumber(let path, let text): return "genesis: \(path): invalid number \"\(text)\""
        case .invalidHex(let path, let error): return "genesis: \(path): \(error)"
        case .invalidBase64(let path): return "genesis: \(path): invalid base64"
        case .invalidAddress(let path, let text): return "genesis: \(path): invalid address \"\(text)\""
        case .storageWordTooLong(let path, let digits):
            return "genesis: \(path): \(digits) hex digits, at most 64 (32 bytes) allowed"
        case .duplicateAccount(let address): return "genesis: alloc lists \(address) twice"
        }
    }
}
