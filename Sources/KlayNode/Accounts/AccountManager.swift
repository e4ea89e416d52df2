import Foundation
import KlayPrimitives

/// The node's own accounts (`personal_*`, `klay_sendTransaction`, `klay_accounts`): keystore files in
/// one directory, decrypted into memory only while unlocked.
///
/// Thread-safe; keys never leave this object except through ``unlockedKey(for:)``,
/// ``requireUnlockedKey(for:)`` and ``decryptedKey(for:password:)``, which signers use.
/// An account's address is the one its keystore file names, which need not be its key's own (Klaytn's
/// decoupled accounts, imported from a wallet key).
public final class AccountManager: @unchecked Sendable {
    /// Where keystore files live (`<datadir>/keystore`), or nil for an in-memory manager.
    public let directory: URL?
    /// The key derivation for new files (the standard scrypt cost; tests and dev chains may use `.light`).
    public let kdf: KeystoreKDF
    private let lock = NSLock()
    /// Known accounts in the order they were added (files sorted by name on load).
    private var addresses: [Address] = []
    private var files: [Address: KeystoreFile] = [:]
    private var paths: [Address: URL] = [:]
    /// Keys of accounts added without a keystore file (an in-memory manager's ``addUnlocked(_:password:)``).
    private var memoryKeys: [Address: PrivateKey] = [:]
    private var unlocked: [Address: (key: PrivateKey, until: ContinuousClock.Instant?)] = [:]

    /// One account as `personal_listWallets` shows it: its key file and whether its key is in memory.
    public struct Wallet: Sendable, Equatable {
        public let address: Address
        /// The keystore file, nil for an account held only in memory.
        public let file: URL?
        public let isUnlocked: Bool
    }

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
            paths[address] = url
        }
    }

    /// The accounts, in the order they were added.
    public var accounts: [Address] { lock.withLock { addresses } }

    /// Every account with its file and lock state, in the order they were added.
    public var wallets: [Wallet] {
        lock.withLock {
            addresses.map { address in
                let entry = unlocked[address]
                let live = entry.map { $0.until.map { $0 > ContinuousClock.now } ?? true } ?? false
                return Wallet(address: address, file: paths[address], isUnlocked: live)
            }
        }
    }

    /// Whether the node holds the account (Klaytn's `unknown account` otherwise).
    public func contains(_ address: Address) -> Bool { lock.withLock { files[address] != nil || memoryKeys[address] != nil } }

    /// Stores `key` encrypted under `password` (a v3 file) as the account `address` (the key's own
    /// address when nil) and returns the account's address. Throws ``AccountError/alreadyExists`` for
    /// a known account, as Klaytn's keystore does.
    @discardableResult
    public func importKey(_ key: PrivateKey, password: String, address: Address? = nil) throws -> Address {
        let account = address ?? key.address
        guard !contains(account) else { throw AccountError.alreadyExists }
        let file = try KeystoreFile.v3(key: key, password: password, kdf: kdf, address: account)
        try store(file, address: account)
        return account
    }

    /// A new random key stored under `password`.
    public func newAccount(password: String) throws -> Address {
        try importKey(PrivateKey.random(), password: password)
    }

    /// Decrypts the account's key with `password` without unlocking it (what `personal_sign` and the
    /// other passphrase methods sign with). Throws `unknown account` or Klaytn's
    /// `could not decrypt key with given passphrase`. An account held only in memory has no file to
    /// check the password against and answers with its key.
    public func decryptedKey(for address: Address, password: String) throws(AccountError) -> PrivateKey {
        guard let file = lock.withLock({ files[address] }) else {
            guard let key = lock.withLock({ memoryKeys[address] }) else { throw .unknownAccount }
            return key
        }
        do { return try file.decrypt(password: password, expecting: address).defaultKey } catch { throw .wrongPassphrase }
    }

    /// Decrypts the account's key and keeps it usable for `duration` (forever when nil).
    /// Throws Klaytn's `could not decrypt key with given passphrase` for a wrong password. As in
    /// Klaytn's keystore, an account already unlocked without expiry stays so.
    public func unlock(_ address: Address, password: String, duration: Duration?) throws(AccountError) {
        let key = try decryptedKey(for: address, password: password)
        let until = duration.map { ContinuousClock.now + $0 }
        lock.withLock {
            if let current = unlocked[address], current.until == nil { return }
            unlocked[address] = (key, until)
        }
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

    /// The key of an unlocked account; Klaytn's `unknown account` for an account this node does not
    /// hold, `authentication needed: password or unlock` for a locked one.
    public func requireUnlockedKey(for address: Address) throws(AccountError) -> PrivateKey {
        guard contains(address) else { throw .unknownAccount }
        guard let key = unlockedKey(for: address) else { throw .locked }
        return key
    }

    /// Adds `key` unlocked without an expiry, and stores it under `password` when the manager has a
    /// directory: what `klay dev` does with its prefunded accounts.
    public func addUnlocked(_ key: PrivateKey, password: String) throws {
        if directory != nil && lock.withLock({ files[key.address] }) == nil {
            try importKey(key, password: password)
        } else {
            lock.withLock {
                if !addresses.contains(key.address) { addresses.append(key.address) }
                if files[key.address] == nil { memoryKeys[key.address] = key }
            }
        }
        lock.withLock { unlocked[key.address] = (key, nil) }
    }

    private func store(_ file: KeystoreFile, address: Address) throws {
        var path: URL?
        if let directory {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
            let url = directory.appendingPathComponent("UTC--\(stamp)--\(Hex.encode(address.bytes, prefix: false))")
            try file.jsonData.write(to: url, options: .atomic)
            path = url
        }
        lock.withLock {
            if files[address] == nil && !addresses.contains(address) { addresses.append(address) }
            files[address] = file
            paths[address] = path
        }
    }
}

/// Why an account operation failed (Klaytn's texts).
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownAccount
    case wrongPassphrase
    case locked
    case alreadyExists

    public var description: String {
        switch self {
        case .unknownAccount: return "unknown account"
        case .wrongPassphrase: return "could not decrypt key with given passphrase"
        case .locked: return "authentication needed: password or unlock"
        case .alreadyExists: return "account already exists"
        }
    }
}
