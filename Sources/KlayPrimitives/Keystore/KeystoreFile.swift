#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A whole encrypted key file, as geth and Klaytn keep in their `keystore` directories.
///
/// Two versions exist:
/// - **v3**, Web3 Secret Storage: `{"address", "crypto": {…}, "id", "version": 3}`, one key.
///   geth, Klaytn and most wallets read and write it.
/// - **v4**, Klaytn's: `{"address", "keyring": [[{…}, …], …], "id", "version": 4}`, a list of key
///   lists, one per role (transaction, account update, fee payer), for role-based and multi-signature
///   accounts. Klaytn also reads a flat `"keyring": [{…}, …]` as a single role, and so do we.
///
/// Each `{…}` is a ``KeystoreCrypto``. Reading is lenient where geth and Klaytn are (field names match
/// case-insensitively, so `Crypto` works; `address` may carry `0x` or be absent); everything else is
/// strict and reported as a ``KeystoreError``. Writing produces geth's compact form, fields in its order.
public struct KeystoreFile: Equatable, Sendable {
    /// The key file format version.
    public enum Version: Int, Sendable {
        /// Web3 Secret Storage: one key under `crypto`.
        case v3 = 3
        /// Klaytn's keyring: key lists per role under `keyring`.
        case v4 = 4
    }

    /// The format version.
    public let version: Version
    /// The account address the file states, if any (geth's test vectors omit it).
    public let address: Address?
    /// The file's `id`, when present and a valid UUID (it identifies the file, not the key).
    public let id: UUID?
    /// The encrypted keys, one list per role; a v3 file has one list of one key.
    public let keyring: [[KeystoreCrypto]]

    init(version: Version, address: Address?, id: UUID?, keyring: [[KeystoreCrypto]]) {
        self.version = version
        self.address = address
        self.id = id
        self.keyring = keyring
    }

    // MARK: Reading

    /// Parses a key file of version 3 or 4 (no decryption, so no password needed).
    public init(json: Data) throws(KeystoreError) {
        let object = try KeystoreJSONValue.parseObject(json)

        let number: Int
        switch try object.required("version") {
        case .integer(let value):
            number = value
        case .number(let value):
            guard let exact = Int(exactly: value) else { throw .unsupportedVersion(String(value)) }
            number = exact
        case .string(let text):
            throw .unsupportedVersion("\"\(text)\"")
        default:
            throw .wrongType(field: "version", expected: "a number")
        }
        guard let version = Version(rawValue: number) else { throw .unsupportedVersion(String(number)) }

        var address: Address?
        if let text = try object.optionalString("address") {
            let bytes: [UInt8]
            do {
                bytes = try Hex.decode(text)
            } catch {
                throw .invalidHex(field: "address", error)
            }
            guard let parsed = try? Address(bytes: bytes) else {
                throw .wrongLength(field: "address", expected: Address.byteCount, actual: bytes.count)
            }
            address = parsed
        }
        let id = try object.optionalString("id").flatMap { UUID(uuidString: $0) }

        let keyring: [[KeystoreCrypto]]
        switch version {
        case .v3:
            keyring = [[try KeystoreCrypto(json: object.object("crypto"))]]
        case .v4:
            keyring = try Self.parseKeyring(object)
        }
        guard keyring.first?.isEmpty == false else { throw .emptyKeyring }
        self.init(version: version, address: address, id: id, keyring: keyring)
    }

    /// Parses a key file from its text.
    public init(json: String) throws(KeystoreError) {
        try self.init(json: Data(json.utf8))
    }

    /// `keyring` as a list of lists of crypto objects, or a flat list read as one role.
    private static func parseKeyring(_ object: KeystoreJSONObject) throws(KeystoreError) -> [[KeystoreCrypto]] {
        guard case .array(let outer) = try object.required("keyring") else {
            throw .wrongType(field: "keyring", expected: "an array")
        }
        func crypto(_ value: KeystoreJSONValue, _ path: String) throws(KeystoreError) -> KeystoreCrypto {
            guard case .object(let fields) = value else { throw .wrongType(field: path, expected: "an object") }
            return try KeystoreCrypto(json: KeystoreJSONObject(fields: fields, path: path))
        }
        if outer.isEmpty { return [] }
        let flat = outer.allSatisfy { value in
            guard case .object = value else { return false }
            return true
        }
        let nested = outer.allSatisfy { value in
            guard case .array = value else { return false }
            return true
        }
        if flat {
            var role: [KeystoreCrypto] = []
            for (j, value) in outer.enumerated() { role.append(try crypto(value, "keyring[\(j)]")) }
            return [role]
        }
        guard nested else {
            throw .wrongType(field: "keyring", expected: "a list of crypto objects or of lists of them")
        }
        var roles: [[KeystoreCrypto]] = []
        for (i, value) in outer.enumerated() {
            guard case .array(let inner) = value else { continue }
            var role: [KeystoreCrypto] = []
            for (j, element) in inner.enumerated() { role.append(try crypto(element, "keyring[\(i)][\(j)]")) }
            roles.append(role)
        }
        return roles
    }

    // MARK: Decrypting

    /// Decrypts every key. The address is the file's, or the default key's when the file has none.
    ///
    /// - Parameters:
    ///   - expecting: when given, the account the caller asked for; another address throws
    ///     ``KeystoreError/addressMismatch(expected:found:)`` (geth's guard against swapped files).
    ///   - limits: caps on key counts and KDF cost, all checked before any key is derived.
    public func decrypt(password: String, expecting: Address? = nil, limits: KeystoreLimits = .default) throws(KeystoreError) -> KeystoreAccount {
        guard keyring.count <= limits.maxRoles else {
            throw .exceedsLimit(field: "keyring", value: keyring.count, limit: limits.maxRoles)
        }
        for (i, role) in keyring.enumerated() {
            guard role.count <= limits.maxKeysPerRole else {
                throw .exceedsLimit(field: "keyring[\(i)]", value: role.count, limit: limits.maxKeysPerRole)
            }
            for (j, crypto) in role.enumerated() {
                try crypto.kdf.checkLimits(limits, saltCount: crypto.salt.count, path: path(i, j) + ".kdfparams")
            }
        }
        var keys: [[PrivateKey]] = []
        for role in keyring {
            var decrypted: [PrivateKey] = []
            for crypto in role { decrypted.append(try crypto.decrypt(password: password, limits: limits)) }
            keys.append(decrypted)
        }
        guard let first = keys.first?.first else { throw .emptyKeyring }
        let account = try KeystoreAccount(address: address ?? first.address, id: id, keys: keys)
        if let expecting, expecting != account.address {
            throw .addressMismatch(expected: expecting, found: account.address)
        }
        return account
    }

    /// Reads and decrypts a v3 or v4 key file in one step: the account address and its keys by role.
    public static func decrypt(
        json: Data, password: String, expecting: Address? = nil, limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> KeystoreAccount {
        try KeystoreFile(json: json).decrypt(password: password, expecting: expecting, limits: limits)
    }

    private func path(_ role: Int, _ index: Int) -> String {
        version == .v3 ? "crypto" : "keyring[\(role)][\(index)]"
    }

    // MARK: Writing

    /// A v3 file for one key, readable by geth, Klaytn and other Web3 Secret Storage tools.
    ///
    /// - Parameters:
    ///   - address: the account, when it is not the key's own (a Klaytn decoupled account).
    ///   - kdf: ``KeystoreKDF/standard`` unless speed matters more than resistance to guessing.
    public static func v3(
        key: PrivateKey, password: String, kdf: KeystoreKDF = .standard, address: Address? = nil,
        id: UUID = UUID(), limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> KeystoreFile {
        let crypto = try KeystoreCrypto.encrypt(key, password: password, kdf: kdf, limits: limits)
        return KeystoreFile(version: .v3, address: address ?? key.address, id: id, keyring: [[crypto]])
    }

    /// A v4 (Klaytn keyring) file: `keys[role]` lists the keys of each role; each key gets its own
    /// salt and iv. The address defaults to that of the first key.
    public static func v4(
        keys: [[PrivateKey]], password: String, kdf: KeystoreKDF = .standard, address: Address? = nil,
        id: UUID = UUID(), limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> KeystoreFile {
        guard let first = keys.first?.first else { throw .emptyKeyring }
        guard keys.count <= limits.maxRoles else {
            throw .exceedsLimit(field: "keyring", value: keys.count, limit: limits.maxRoles)
        }
        var keyring: [[KeystoreCrypto]] = []
        for (i, role) in keys.enumerated() {
            guard role.count <= limits.maxKeysPerRole else {
                throw .exceedsLimit(field: "keyring[\(i)]", value: role.count, limit: limits.maxKeysPerRole)
            }
            var encrypted: [KeystoreCrypto] = []
            for key in role { encrypted.append(try KeystoreCrypto.encrypt(key, password: password, kdf: kdf, limits: limits)) }
            keyring.append(encrypted)
        }
        return KeystoreFile(version: .v4, address: address ?? first.address, id: id, keyring: keyring)
    }

    /// The file's JSON text: compact, fields in geth's and Klaytn's order, hex without `0x`.
    public var json: String {
        var writer = KeystoreJSONWriter()
        writer.beginObject()
        if let address { writer.field("address", Hex.encode(address.bytes, prefix: false)) }
        switch version {
        case .v3:
            writer.key("crypto")
            keyring[0][0].write(into: &writer)
        case .v4:
            writer.key("keyring")
            writer.beginArray()
            for role in keyring {
                writer.beginArray()
                for crypto in role { crypto.write(into: &writer) }
                writer.endArray()
            }
            writer.endArray()
        }
        if let id { writer.field("id", id.uuidString.lowercased()) }
        writer.field("version", version.rawValue)
        writer.endObject()
        return writer.text
    }

    /// ``json`` as UTF-8 bytes, ready to write to a file.
    public var jsonData: Data { Data(json.utf8) }
}
