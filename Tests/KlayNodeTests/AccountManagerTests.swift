import Foundation
import KlayNode
import KlayPrimitives
import Testing

/// The node's keystore: files, unlock expiry, decoupled accounts, Klaytn's error texts.
struct AccountManagerTests {
    private static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("klay-accounts-\(UUID().uuidString)")
    }

    @Test func filesSurviveReopening() throws {
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = try AccountManager(directory: folder, kdf: .light)
        let key = PrivateKey.random()
        let decoupled = PrivateKey.random().address
        try manager.importKey(key, password: "a")
        try manager.importKey(key, password: "b", address: decoupled)
        #expect(throws: AccountError.alreadyExists) { try manager.importKey(key, password: "c") }
        let reopened = try AccountManager(directory: folder, kdf: .light)
        #expect(Set(reopened.accounts) == [key.address, decoupled])
        #expect(try reopened.decryptedKey(for: decoupled, password: "b") == key)
        #expect(reopened.wallets.allSatisfy { $0.file != nil && !$0.isUnlocked })
    }

    @Test func unlockRules() throws {
        let manager = try AccountManager(directory: nil, kdf: .light)
        let address = try manager.newAccount(password: "pw")
        #expect(throws: AccountError.wrongPassphrase) { try manager.unlock(address, password: "x", duration: nil) }
        #expect(throws: AccountError.locked) { try manager.requireUnlockedKey(for: address) }
        #expect(throws: AccountError.unknownAccount) { try manager.requireUnlockedKey(for: PrivateKey.random().address) }
        try manager.unlock(address, password: "pw", duration: .zero)
        #expect(manager.unlockedKey(for: address) == nil)  // expired at once
        try manager.unlock(address, password: "pw", duration: nil)
        // A timed unlock does not shorten an unlimited one (Klaytn's TimedUnlock).
        try manager.unlock(address, password: "pw", duration: .zero)
        #expect(try manager.requireUnlockedKey(for: address).address == address)
        manager.lock(address)
        #expect(manager.unlockedKey(for: address) == nil)
        #expect(manager.wallets.map(\.address) == [address] && manager.wallets[0].file == nil && !manager.wallets[0].isUnlocked)
    }

    @Test func memoryAccountsSurviveLocking() throws {
        let manager = try AccountManager(directory: nil, kdf: .light)
        let key = PrivateKey.random()
        try manager.addUnlocked(key, password: "")
        manager.lock(key.address)
        #expect(manager.contains(key.address))
        try manager.unlock(key.address, password: "", duration: nil)
        #expect(manager.unlockedKey(for: key.address) == key)
    }
}
