import Foundation
import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// The `personal_` methods: accounts created and imported through RPC, unlocked, used and locked again.
struct PersonalMethodsTests {
    private static func message(_ body: () async throws -> JSONValue) async -> String? {
        do { _ = try await body(); return nil } catch let error as RPCError { return error.message } catch { return "\(error)" }
    }

    @Test func newUnlockSendLockFlow() async throws {
        let fixture = try NodeFixture { registry, node in registry.registerSendMethods(node) }
        let funded = fixture.keys[0]
        // A funded account imported under a password, then a new empty one.
        let imported = try await fixture.call("personal_importRawKey", [.string(Hex.encode(funded.secret.bytes, prefix: false)), .string("pw")])
        #expect(imported == .string(funded.address.hex))
        let created = try await fixture.call("personal_newAccount", [.string("pw2")])
        guard case .string(let createdText) = created else { Issue.record("no address"); return }
        #expect(try await fixture.call("personal_listAccounts") == .array([.string(funded.address.hex), created]))
        let transfer: JSONValue = .object([("from", .string(funded.address.hex)), ("to", created), ("value", .string("0xde0b6b3a7640000"))])
        #expect(await Self.message { try await fixture.call("klay_sendTransaction", [transfer]) } == "authentication needed: password or unlock")
        #expect(await Self.message { try await fixture.call("personal_unlockAccount", [.string(funded.address.hex), .string("wrong")]) }
            == "could not decrypt key with given passphrase")
        #expect(try await fixture.call("personal_unlockAccount", [.string(funded.address.hex), .string("pw"), .number("60")]) == .bool(true))
        let hash = try await fixture.call("klay_sendTransaction", [transfer])
        #expect(try await fixture.call("personal_lockAccount", [.string(funded.address.hex)]) == .bool(true))
        #expect(await Self.message { try await fixture.call("klay_sendTransaction", [transfer]) } == "authentication needed: password or unlock")
        // personal_sendTransaction needs no unlock, only the password.
        let second = try await fixture.call("personal_sendTransaction", [transfer, .string("pw")])
        #expect(await Self.message { try await fixture.call("personal_sendTransaction", [transfer, .string("nope")]) }
            == "could not decrypt key with given passphrase")
        try fixture.produceBlock()
        for case .string(let text) in [hash, second] {
            #expect(try fixture.services.chain.chainStore.receipt(transactionHash: try Hash(hex: text))?.receipt.status == .success)
        }
        let createdAddress = try Address(hex: createdText)
        #expect(try fixture.services.chain.state(at: fixture.services.chain.head.stateRoot).balance(createdAddress)
            == UInt256(2_000_000_000_000_000_000 as UInt64))
        // The new account pays back with a value transfer and personal_sign works with its password.
        let back = try await fixture.call("personal_sendValueTransfer", [
            .object([("from", created), ("to", .string(funded.address.hex)), ("value", .string("0x1"))]), .string("pw2"),
        ])
        let update = try await fixture.call("personal_sendAccountUpdate", [
            .object([("from", created), ("key", .data(AccountKey.legacy.serialized))]), .string("pw2"),
        ])
        try fixture.produceBlock()
        for case .string(let text) in [back, update] {
            #expect(try fixture.services.chain.chainStore.receipt(transactionHash: try Hash(hex: text))?.receipt.status == .success)
        }
        let signature = try await fixture.call("personal_sign", [.string("0x68656c6c6f"), created, .string("pw2")])
        #expect(try await fixture.call("personal_ecRecover", [.string("0x68656c6c6f"), signature]) == created)
        let wallets = try await fixture.call("personal_listWallets")
        guard case .array(let list) = wallets else { Issue.record("no wallets"); return }
        #expect(list.count == 2 && list[0]["status"] == .string("Locked"))
    }

    @Test func importAndUnlockTexts() async throws {
        let fixture = try NodeFixture { registry, node in registry.registerSendMethods(node) }
        func importing(_ text: String) async -> String? {
            await Self.message { try await fixture.call("personal_importRawKey", [.string(text), .string("pw")]) }
        }
        #expect(await importing("0x" + String(repeating: "11", count: 32)) == "invalid hex string")
        #expect(await importing("1234") == "invalid length, need 256 bits")
        #expect(await importing(String(repeating: "00", count: 32)) == "invalid private key, zero or negative")
        #expect(await importing(String(repeating: "ff", count: 32)) == "invalid private key, >=N")
        // A Klaytn wallet key names a decoupled account.
        let key = fixture.keys[1]
        let account = PrivateKey.random().address
        let walletKey = Hex.encode(key.secret.bytes, prefix: false) + "0x01" + Hex.encode(account.bytes)
        #expect(await importing(walletKey) == "Klaytn wallet key type must be 00.")
        let walletKey00 = Hex.encode(key.secret.bytes, prefix: false) + "0x00" + Hex.encode(account.bytes)
        #expect(try await fixture.call("personal_importRawKey", [.string(walletKey00), .string("pw")]) == .string(account.hex))
        #expect(await importing(walletKey00) == "account already exists")
        #expect(await Self.message { try await fixture.call("personal_unlockAccount", [.string(account.hex), .string("pw"), .number("9223372037")]) }
            == "unlock duration too large")
        #expect(await Self.message { try await fixture.call("personal_unlockAccount", [.string(account.hex), .string("pw"), .string("60")]) }
            == "invalid argument 2: json: cannot unmarshal string into Go value of type uint64")
        #expect(try await fixture.call("personal_unlockAccount", [.string(account.hex), .string("pw")]) == .bool(true))
        #expect(fixture.services.accounts.unlockedKey(for: account) == key)
        #expect(await Self.message { try await fixture.call("personal_sign", [.string("0x01"), .string(PrivateKey.random().address.hex), .string("pw")]) }
            == "unknown account")
    }
}
