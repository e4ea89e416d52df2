/// Why a key file could not be read, decrypted or written.
///
/// Every fault in untrusted input ends here, never in a trap. `field` values are JSON paths such as
/// `crypto.kdfparams.n` or `keyring[1][0].cipherparams.iv`, so a message points at the offending value.
public enum KeystoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not JSON, or its top level is not an object.
    case invalidJSON(reason: String)
    /// A required field is absent.
    case missingField(String)
    /// A field holds the wrong kind of JSON value (for example a string where a number belongs).
    case wrongType(field: String, expected: String)
    /// `version` is neither 3 (Web3 Secret Storage) nor 4 (Klaytn's keyring format).
    case unsupportedVersion(String)
    /// A cipher other than `aes-128-ctr`.
    case unsupportedCipher(String)
    /// A key derivation function other than `scrypt` and `pbkdf2`.
    case unsupportedKDF(String)
    /// A PBKDF2 pseudo-random function other than `hmac-sha256`.
    case unsupportedPRF(String)
    /// A hex field that does not decode.
    case invalidHex(field: String, HexError)
    /// A decoded field of the wrong byte count (`expected` is the exact or the largest allowed count).
    case wrongLength(field: String, expected: Int, actual: Int)
    /// A KDF parameter outside what the algorithm allows (scrypt `n` not a power of two above 1,
    /// `r` or `p` below 1, `dklen` below 32, PBKDF2 `c` below 1, ...).
    case parameterOutOfRange(field: String, value: Int)
    /// A value the format allows but beyond ``KeystoreLimits`` (memory, iterations, key counts),
    /// refused before any work so a hostile file cannot exhaust memory or time.
    case exceedsLimit(field: String, value: Int, limit: Int)
    /// swift-crypto refused the key derivation or the cipher (parameters it does not support).
    case cryptoFailed(String)
    /// The MAC over the ciphertext does not match: almost always a wrong password.
    case macMismatch
    /// The plaintext is not a valid secp256k1 secret (zero, or not below the curve order).
    case invalidDecryptedKey
    /// A keyring with no keys, or whose first role has no keys (there is no default key).
    case emptyKeyring
    /// The file's account is not the one asked for.
    case addressMismatch(expected: Address, found: Address)

    public var description: String {
        switch self {
        case .invalidJSON(let reason): return "invalid key file JSON: \(reason)"
        case .missingField(let field): return "key file lacks field \(field)"
        case .wrongType(let field, let expected): return "key file field \(field) is not \(expected)"
        case .unsupportedVersion(let version): return "version not supported: \(version)"
        case .unsupportedCipher(let cipher): return "cipher not supported: \(cipher)"
        case .unsupportedKDF(let kdf): return "unsupported KDF: \(kdf)"
        case .unsupportedPRF(let prf): return "unsupported PBKDF2 PRF: \(prf)"
        case .invalidHex(let field, let error): return "key file field \(field): \(error)"
        case .wrongLength(let field, let expected, let actual):
            return "key file field \(field) has \(actual) bytes, want \(expected)"
        case .parameterOutOfRange(let field, let value): return "key file parameter \(field) = \(value) is out of range"
        case .exceedsLimit(let field, let value, let limit):
            return "key file parameter \(field) = \(value) exceeds the limit \(limit)"
        case .cryptoFailed(let reason): return "key derivation or decryption failed: \(reason)"
        case .macMismatch: return "could not decrypt key with given password"
        case .invalidDecryptedKey: return "decrypted key is not a valid secp256k1 private key"
        case .emptyKeyring: return "key file holds no default key"
        case .addressMismatch(let expected, let found):
            return "key content mismatch: have account \(found.hex), want \(expected.hex)"
        }
    }
}
