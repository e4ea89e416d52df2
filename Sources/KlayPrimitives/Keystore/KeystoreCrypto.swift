import Crypto
import _CryptoExtras

/// One password-encrypted private key: the `crypto` object of a Web3 Secret Storage v3 file, and
/// each entry of a Klaytn v4 `keyring`.
///
/// With `dk = KDF(password, salt)`: `ciphertext = AES-128-CTR(dk[0..<16], iv, secret)` and
/// `mac = keccak256(dk[16..<32] ‖ ciphertext)`. The MAC is checked before anything is decrypted,
/// so a wrong password gives ``KeystoreError/macMismatch`` rather than a wrong key.
public struct KeystoreCrypto: Equatable, Sendable {
    /// The only cipher key files use.
    public static let cipher = "aes-128-ctr"
    /// Bytes of AES-CTR initial counter block.
    public static let ivLength = 16
    /// Bytes of salt written for new keys.
    public static let saltLength = 32
    /// Bytes of the MAC (a Keccak-256 digest).
    public static let macLength = 32

    /// The encrypted secret, 1 to 32 bytes (some old files hold keys with leading zero bytes dropped).
    public let ciphertext: [UInt8]
    /// The AES-CTR initial counter block (`cipherparams.iv`).
    public let iv: [UInt8]
    /// The key derivation function and its parameters.
    public let kdf: KeystoreKDF
    /// The KDF salt (`kdfparams.salt`).
    public let salt: [UInt8]
    /// keccak256(dk[16..<32] ‖ ciphertext).
    public let mac: [UInt8]

    /// A crypto object from its parts, checked as a parsed one would be (lengths and KDF ranges).
    public init(ciphertext: [UInt8], iv: [UInt8], kdf: KeystoreKDF, salt: [UInt8], mac: [UInt8]) throws(KeystoreError) {
        try self.init(ciphertext: ciphertext, iv: iv, kdf: kdf, salt: salt, mac: mac, path: "crypto")
    }

    private init(ciphertext: [UInt8], iv: [UInt8], kdf: KeystoreKDF, salt: [UInt8], mac: [UInt8], path: String) throws(KeystoreError) {
        func field(_ name: String) -> String { path + "." + name }
        guard (1...32).contains(ciphertext.count) else {
            throw .wrongLength(field: field("ciphertext"), expected: 32, actual: ciphertext.count)
        }
        guard iv.count == Self.ivLength else {
            throw .wrongLength(field: field("cipherparams.iv"), expected: Self.ivLength, actual: iv.count)
        }
        guard mac.count == Self.macLength else {
            throw .wrongLength(field: field("mac"), expected: Self.macLength, actual: mac.count)
        }
        try kdf.validate(path: field("kdfparams"))
        self.ciphertext = ciphertext
        self.iv = iv
        self.kdf = kdf
        self.salt = salt
        self.mac = mac
    }

    // MARK: Encrypt

    /// Encrypts `secret` (1 to 32 bytes) under `password`. `salt` (32 bytes) and `iv` (16 bytes) are
    /// fresh random values unless given; pass them only to reproduce a known file.
    public static func encrypt(
        secret: [UInt8], password: String, kdf: KeystoreKDF = .standard,
        salt: [UInt8]? = nil, iv: [UInt8]? = nil, limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> KeystoreCrypto {
        guard (1...32).contains(secret.count) else {
            throw .wrongLength(field: "secret", expected: 32, actual: secret.count)
        }
        let salt = salt ?? randomBytes(saltLength)
        let iv = iv ?? randomBytes(ivLength)
        guard iv.count == ivLength else { throw .wrongLength(field: "cipherparams.iv", expected: ivLength, actual: iv.count) }
        try kdf.validate(path: "kdfparams")
        try kdf.checkLimits(limits, saltCount: salt.count, path: "kdfparams")
        let derived = try kdf.deriveKey(password: Array(password.utf8), salt: salt)
        let ciphertext = try aesCTR(key: derived[0..<16], iv: iv, secret)
        let mac = Keccak256.hash(derived[16..<32] + ciphertext).bytes
        return try KeystoreCrypto(ciphertext: ciphertext, iv: iv, kdf: kdf, salt: salt, mac: mac)
    }

    /// Encrypts a private key's 32-byte secret under `password`, with fresh salt and iv.
    public static func encrypt(
        _ key: PrivateKey, password: String, kdf: KeystoreKDF = .standard, limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> KeystoreCrypto {
        try encrypt(secret: key.secret.bytes, password: password, kdf: kdf, limits: limits)
    }

    // MARK: Decrypt

    /// The decrypted secret bytes, as stored (possibly shorter than 32 bytes), after checking the
    /// KDF cost against `limits` and the MAC against the password.
    public func decryptSecret(password: String, limits: KeystoreLimits = .default) throws(KeystoreError) -> [UInt8] {
        try kdf.checkLimits(limits, saltCount: salt.count, path: "kdfparams")
        let derived = try kdf.deriveKey(password: Array(password.utf8), salt: salt)
        let expected = Keccak256.hash(derived[16..<32] + ciphertext).bytes
        // Compare without an early exit, so timing does not reveal how much of the MAC matched.
        var difference: UInt8 = 0
        for (a, b) in zip(expected, mac) { difference |= a ^ b }
        guard difference == 0, expected.count == mac.count else { throw .macMismatch }
        return try Self.aesCTR(key: derived[0..<16], iv: iv, ciphertext)
    }

    /// The decrypted private key. A secret shorter than 32 bytes is the same number with its leading
    /// zero bytes dropped (as geth reads it), so it is left-padded.
    public func decrypt(password: String, limits: KeystoreLimits = .default) throws(KeystoreError) -> PrivateKey {
        let secret = try decryptSecret(password: password, limits: limits)
        let padded = [UInt8](repeating: 0, count: 32 - secret.count) + secret
        do {
            return try PrivateKey(bytes: padded)
        } catch {
            throw .invalidDecryptedKey
        }
    }

    // MARK: JSON

    /// Reads a crypto object; `object.path` names it in errors.
    init(json object: KeystoreJSONObject) throws(KeystoreError) {
        let cipher = try object.string("cipher")
        guard cipher == Self.cipher else { throw .unsupportedCipher(cipher) }
        let ciphertext = try object.hex("ciphertext")
        let iv = try object.object("cipherparams").hex("iv")
        let (kdf, salt) = try KeystoreKDF.parse(from: object)
        let mac = try object.hex("mac")
        try self.init(ciphertext: ciphertext, iv: iv, kdf: kdf, salt: salt, mac: mac, path: object.path)
    }

    /// Writes the crypto object with geth's field order.
    func write(into writer: inout KeystoreJSONWriter) {
        writer.beginObject()
        writer.field("cipher", Self.cipher)
        writer.field("ciphertext", Hex.encode(ciphertext, prefix: false))
        writer.key("cipherparams")
        writer.beginObject()
        writer.field("iv", Hex.encode(iv, prefix: false))
        writer.endObject()
        kdf.write(salt: salt, into: &writer)
        writer.field("mac", Hex.encode(mac, prefix: false))
        writer.endObject()
    }

    // MARK: Helpers

    /// AES-128-CTR with a full 16-byte initial counter block (encryption and decryption are the same).
    private static func aesCTR(key: ArraySlice<UInt8>, iv: [UInt8], _ input: [UInt8]) throws(KeystoreError) -> [UInt8] {
        do {
            let nonce = try AES._CTR.Nonce(nonceBytes: iv)
            return Array(try AES._CTR.encrypt(input, using: SymmetricKey(data: Array(key)), nonce: nonce))
        } catch {
            throw .cryptoFailed("aes-128-ctr: \(error)")
        }
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
