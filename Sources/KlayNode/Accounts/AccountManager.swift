import Foundation
import KlayPrimitives

/// The node's own accounts (`personal_*`, `klay_sendTransaction`, `klay_accounts`): keystore files in
/// one directory, decrypted into memory only while unlocked.
///
/// Thread-safe; keys never leave this object except through ``unlockedKey(for:)``, which signers use.
public final class AccountManager: @unchecked Sendable {
    /// Where keystore files live (`<datadir>/keystore`), or nil for an in-memory manager.
    public let directory: URL?
    /// The key derivation for new files (the standard scrypt cost; tests and dev chains may use `.light`).
    public let kdf: KeystoreKDF
    private let lock = NSLock()
    /// Known accounts in the order they were added (files sorted by name on load).
    private var addresses: [Address] = []
    private var files: [Address: KeystoreFile] = [:]
    private var unlocked: [Address: (key: PrivateKey, until: ContinuousClock.Instant?)] = [:]

    /// Loads every keystore file in `directory` (created if missing).
    public init(directory: URL?, kdf: KeystoreKDF = .standard) throws {
        self.directory = directory
        self.kdf = kdf
        guard let directory else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url), let file = try? KeystoreFile(json: data), let address = file.address else { continue }
            if files[address] == nil { addresses.append(address) }
            files[address] = file
        }
    }

    /// The accounts, in the order they were added.
    public var accounts: [Address] { lock.withLock { addresses } }

    public func contains(_ address: Address) -> Bool { lock.withLock { files[address] != nil || unlocked[address] != nil } }

    /// Stores `key` encrypted under `password` (a v3 file) and returns its address.
    @discardableResult
    public func importKey(_ key: PrivateKey, password: String) throws -> Address {
        let file = try KeystoreFile.v3(key: key, password: password, kdf: kdf)
        try store(file, address: key.address)
        return key.address
    }

    /// A new random key stored under `password`.
    public func newAccount(password: String) throws -> Address {
        var generator = SystemRandomNumberGenerator()
        while true {
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            if let key = try? PrivateKey(bytes: bytes) { return try importKey(key, password: password) }
        }
    }

    /// Decrypts the account's key and keeps it usable for `duration` (forever when nil).
    /// Throws Klaytn's `could not decrypt key with given passphrase` for a wrong password.
    public func unlock(_ address: Address, password: String, duration: Duration?) throws(AccountError) {
        guard let file = lock.withLock({ files[address] }) else { throw .unknownAccount }
        let key: PrivateKey
        do { key = try file.decrypt(password: password, expecting: address).defaultKey } catch { throw .wrongPassphrase }
        let until = duration.map { ContinuousClock.now + $0 }
        lock.withLock { unlocked[address] = (key, until) }
    }

    /// Forgets the decrypted key.
    public func lock(_ address: Address) {
        _ = lock.withLock { unlocked.removeValue(forKey: address) }
    }

    /// The key of an unlocked account, or nil when it is locked (or its unlock expired) or unknown.
    public func unlockedKey(for address: Address) -> PrivateKey? {
        lock.withLock {
            guard let entry = unlocked[address] else { return nil }
            if let until = entry.until, until <= ContinuousClock.now {
                unlocked[address] = nil
                return nil
            }
            return entry.key
        }
    }

    /// Adds `key` unlocked without an expiry, and stores it under `password` when the manager has a
    /// directory: what `klay dev` does with its prefunded accounts.
    public func addUnlocked(_ key: PrivateKey, password: String) throws {
        if directory != nil && lock.withLock({ files[key.address] }) == nil {
            try importKey(key, password: password)
        } else {
            lock.withLock { if !addresses.contains(key.address) { addresses.append(key.address) } }
        }
        lock.withLock { unlocked[key.address] = (key, nil) }
    }

    private func store(_ file: KeystoreFile, address: Address) throws {
        if let directory {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
            let url = directory.appendingPathComponent("UTC--\(stamp)--\(Hex.encode(address.bytes, prefix: false))")
            try file.jsonData.write(to: url, options: .atomic)
        }
        lock.withLock {
            if files[address] == nil && !addresses.contains(address) { addresses.append(address) }
            files[address] = file
        }
    }
}

/// Why an account operation failed (Klaytn's texts).
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownAccount
    case wrongPassphrase
    case locked

    public var description: String {
        switch self {
        case .unknownAccount: return "unknown account"
        case .wrongPassphrase: return "could not decrypt key with given passphrase"
        case .locked: return "authentication needed: password or unlock"
        }
    }
}
