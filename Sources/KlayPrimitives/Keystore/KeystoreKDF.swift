import Crypto
import _CryptoExtras

/// The password-based key derivation of a key file: scrypt or PBKDF2-HMAC-SHA256, with its cost
/// parameters (the salt is stored beside it, in ``KeystoreCrypto``).
///
/// Both run on swift-crypto (BoringSSL). The derived key `dk` is at least 32 bytes: `dk[0..<16]` is
/// the AES-128 key and `dk[16..<32]` feeds the MAC.
public enum KeystoreKDF: Equatable, Sendable {
    case scrypt(ScryptParameters)
    case pbkdf2(PBKDF2Parameters)

    /// scrypt's cost parameters (RFC 7914).
    public struct ScryptParameters: Equatable, Sendable {
        /// CPU/memory cost: a power of two above 1 and below 2^(16·r).
        public var n: Int
        /// Block size factor.
        public var r: Int
        /// Parallelisation factor.
        public var p: Int
        /// Derived key length in bytes, at least 32.
        public var dkLen: Int

        public init(n: Int, r: Int = ScryptParameters.defaultR, p: Int, dkLen: Int = KeystoreKDF.defaultDKLen) {
            self.n = n
            self.r = r
            self.p = p
            self.dkLen = dkLen
        }

        /// geth's and Klaytn's `StandardScryptN`: 256 MiB and about a second per key.
        public static let standardN = 1 << 18
        /// geth's and Klaytn's `StandardScryptP`.
        public static let standardP = 1
        /// geth's and Klaytn's `LightScryptN`: 4 MiB and a fraction of a second per key.
        public static let lightN = 1 << 12
        /// geth's and Klaytn's `LightScryptP`.
        public static let lightP = 6
        /// The `r` geth and Klaytn always write.
        public static let defaultR = 8

        /// What geth and Klaytn write by default.
        public static let standard = ScryptParameters(n: standardN, p: standardP)
        /// geth's and Klaytn's `--lightkdf` setting.
        public static let light = ScryptParameters(n: lightN, p: lightP)
    }

    /// PBKDF2's parameters; the pseudo-random function is always HMAC-SHA256 (`prf: "hmac-sha256"`).
    public struct PBKDF2Parameters: Equatable, Sendable {
        /// Iteration count, at least 1.
        public var c: Int
        /// Derived key length in bytes, at least 32.
        public var dkLen: Int

        public init(c: Int, dkLen: Int = KeystoreKDF.defaultDKLen) {
            self.c = c
            self.dkLen = dkLen
        }

        /// The only pseudo-random function key files use.
        public static let prf = "hmac-sha256"
    }

    /// The derived key length geth and Klaytn write.
    public static let defaultDKLen = 32

    /// geth's and Klaytn's default: scrypt with n = 2^18, r = 8, p = 1.
    public static let standard = KeystoreKDF.scrypt(.standard)
    /// geth's and Klaytn's light setting: scrypt with n = 2^12, r = 8, p = 6.
    public static let light = KeystoreKDF.scrypt(.light)

    /// The `kdf` name in JSON.
    public var name: String {
        switch self {
        case .scrypt: return "scrypt"
        case .pbkdf2: return "pbkdf2"
        }
    }

    /// The derived key length in bytes.
    public var dkLen: Int {
        switch self {
        case .scrypt(let parameters): return parameters.dkLen
        case .pbkdf2(let parameters): return parameters.dkLen
        }
    }

    // MARK: Validation

    /// Checks the parameters against what the algorithms allow; `path` is the `kdfparams` path.
    func validate(path: String) throws(KeystoreError) {
        func field(_ name: String) -> String { path.isEmpty ? name : path + "." + name }
        guard dkLen >= 32 else { throw .parameterOutOfRange(field: field("dklen"), value: dkLen) }
        switch self {
        case .scrypt(let s):
            guard s.n > 1, s.n & (s.n - 1) == 0 else { throw .parameterOutOfRange(field: field("n"), value: s.n) }
            guard s.r >= 1 else { throw .parameterOutOfRange(field: field("r"), value: s.r) }
            guard s.p >= 1 else { throw .parameterOutOfRange(field: field("p"), value: s.p) }
            // RFC 7914: n < 2^(128·r/8). BoringSSL enforces it (go-ethereum's Go scrypt does not).
            if s.r < 4, s.n.trailingZeroBitCount >= 16 * s.r {
                throw .parameterOutOfRange(field: field("n"), value: s.n)
            }
        case .pbkdf2(let parameters):
            guard parameters.c >= 1 else { throw .parameterOutOfRange(field: field("c"), value: parameters.c) }
        }
    }

    /// Checks the cost against `limits` (and against what fits in machine integers), before any work.
    func checkLimits(_ limits: KeystoreLimits, saltCount: Int, path: String) throws(KeystoreError) {
        func field(_ name: String) -> String { path.isEmpty ? name : path + "." + name }
        guard saltCount <= limits.maxSaltLength else {
            throw .exceedsLimit(field: field("salt"), value: saltCount, limit: limits.maxSaltLength)
        }
        guard dkLen <= limits.maxDerivedKeyLength else {
            throw .exceedsLimit(field: field("dklen"), value: dkLen, limit: limits.maxDerivedKeyLength)
        }
        switch self {
        case .scrypt(let s):
            // Memory: V holds n blocks and B and T hold p + 2 more, each of 128·r bytes. The limit is
            // reported as the largest n these r and p allow.
            let blockBytes = s.r.multipliedReportingOverflow(by: 128)
            let blocks = s.n.addingReportingOverflow(s.p)
            let allBlocks = blocks.partialValue.addingReportingOverflow(2)
            let memory = blockBytes.partialValue.multipliedReportingOverflow(by: allBlocks.partialValue)
            if blockBytes.overflow || blocks.overflow || allBlocks.overflow || memory.overflow
                || memory.partialValue > limits.maxScryptMemory {
                let blocksAllowed = blockBytes.overflow ? 0 : limits.maxScryptMemory / blockBytes.partialValue
                let maxN = blocksAllowed - 2 > s.p ? blocksAllowed - 2 - s.p : 0
                throw .exceedsLimit(field: field("n"), value: s.n, limit: maxN)
            }
            // Work n·r·p (swift-crypto also computes 128·n·r·p, which must not overflow). The limit is
            // reported as the largest p this n and r allow.
            let nr = s.n.multipliedReportingOverflow(by: s.r)
            let work = nr.partialValue.multipliedReportingOverflow(by: s.p)
            let bound = work.partialValue.multipliedReportingOverflow(by: 128)
            if nr.overflow || work.overflow || bound.overflow || work.partialValue > limits.maxScryptWork {
                let maxP = nr.overflow ? 0 : limits.maxScryptWork / nr.partialValue
                throw .exceedsLimit(field: field("p"), value: s.p, limit: maxP)
            }
        case .pbkdf2(let parameters):
            let limit = min(limits.maxPBKDF2Iterations, Int(UInt32.max))
            guard parameters.c <= limit else { throw .exceedsLimit(field: field("c"), value: parameters.c, limit: limit) }
        }
    }

    // MARK: Derivation

    /// The derived key for `password` and `salt`. Parameters must have passed ``validate(path:)``
    /// and ``checkLimits(_:saltCount:path:)``.
    func deriveKey(password: [UInt8], salt: [UInt8]) throws(KeystoreError) -> [UInt8] {
        let key: SymmetricKey
        do {
            switch self {
            case .scrypt(let s):
                key = try KDF.Scrypt.deriveKey(
                    from: password, salt: salt, outputByteCount: s.dkLen,
                    rounds: s.n, blockSize: s.r, parallelism: s.p)
            case .pbkdf2(let parameters):
                key = try KDF.Insecure.PBKDF2.deriveKey(
                    from: password, salt: salt, using: .sha256,
                    outputByteCount: parameters.dkLen, unsafeUncheckedRounds: parameters.c)
            }
        } catch {
            throw .cryptoFailed("\(name): \(error)")
        }
        let bytes = key.withUnsafeBytes { Array($0) }
        guard bytes.count == dkLen, bytes.count >= 32 else {
            throw .cryptoFailed("\(name) returned \(bytes.count) bytes, want \(dkLen)")
        }
        return bytes
    }

    // MARK: JSON

    /// Reads `kdf` and `kdfparams` from a crypto object: the function, its parameters and the salt.
    static func parse(from crypto: KeystoreJSONObject) throws(KeystoreError) -> (kdf: KeystoreKDF, salt: [UInt8]) {
        let name = try crypto.string("kdf")
        let parameters = try crypto.object("kdfparams")
        let kdf: KeystoreKDF
        switch name {
        case "scrypt":
            kdf = .scrypt(ScryptParameters(
                n: try parameters.integer("n"), r: try parameters.integer("r"),
                p: try parameters.integer("p"), dkLen: try parameters.integer("dklen")))
        case "pbkdf2":
            let prf = try parameters.string("prf")
            guard prf == PBKDF2Parameters.prf else { throw .unsupportedPRF(prf) }
            kdf = .pbkdf2(PBKDF2Parameters(c: try parameters.integer("c"), dkLen: try parameters.integer("dklen")))
        default:
            throw .unsupportedKDF(name)
        }
        let salt = try parameters.hex("salt")
        try kdf.validate(path: parameters.path)
        return (kdf, salt)
    }

    /// Writes `"kdf":…,"kdfparams":{…}` with keys in geth's (sorted) order.
    func write(salt: [UInt8], into writer: inout KeystoreJSONWriter) {
        writer.field("kdf", name)
        writer.key("kdfparams")
        writer.beginObject()
        switch self {
        case .scrypt(let s):
            writer.field("dklen", s.dkLen)
            writer.field("n", s.n)
            writer.field("p", s.p)
            writer.field("r", s.r)
        case .pbkdf2(let parameters):
            writer.field("c", parameters.c)
            writer.field("dklen", parameters.dkLen)
            writer.field("prf", PBKDF2Parameters.prf)
        }
        writer.field("salt", Hex.encode(salt, prefix: false))
        writer.endObject()
    }
}
