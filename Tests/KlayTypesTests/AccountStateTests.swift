import KlayPrimitives
import Testing
@testable import KlayTypes

/// Account values in the state trie (spec/accounts.md §2): Klaytn's vectors, defaults, the EIP-158
/// emptiness rule, Ethereum's account form, and malformed values.
@Suite struct AccountStateTests {
    typealias F = AccountFixtures

    // MARK: Vectors

    @Test func everyStateVectorDecodesToItsFieldsAndReencodes() throws {
        let records = try F.records(kind: "accountState")
        #expect(records.count == 4)
        for record in records {
            let id = record.recordID
            var bytes = try #require(try record.hexBytes("rlp"), "\(id)")
            if let hashingForm = try record.hexBytes("rlpForHashing") {
                // Live pruning's 39-byte ExtHash root is node-local; this node only knows the 32-byte form.
                #expect(throws: AccountError.wrongFieldLength(field: "storage root", expected: 32, actual: 39)) {
                    try Account(decoding: bytes)
                }
                bytes = hashingForm
            }
            let account = try Account(decoding: bytes)
            #expect(account.encoded() == bytes, "\(id)")
            #expect(UInt256(UInt64(account.kind.rawValue)) == (try record.hexQuantity("accountType")), "\(id)")
            if let nonce = try record.hexQuantity("nonce") { #expect(UInt256(account.nonce) == nonce, "\(id)") }
            if let balance = try record.hexQuantity("balance") { #expect(account.balance == balance, "\(id)") }
            if let readable = record["humanReadable"] as? Bool { #expect(account.humanReadable == readable, "\(id)") }
            if let keyType = try record.hexQuantity("keyType") {
                #expect(UInt256(UInt64(account.key.type.rawValue)) == keyType, "\(id)")
            }
            if let compressed = try record.hexBytes("compressedPublicKey") {
                #expect(account.key == .public(try PublicKey(bytes: compressed)), "\(id)")
            }
            if let root = try record.hexBytes("storageRoot") { #expect(account.storageRoot.bytes == root, "\(id)") }
            if let codeHash = try record.hexBytes("codeHash") { #expect(account.codeHash.bytes == codeHash, "\(id)") }
            if let codeInfo = try record.hexQuantity("codeInfo") {
                #expect(UInt256(UInt64(try #require(account.contract).codeInfo.rawValue)) == codeInfo, "\(id)")
            }
            if let format = try record.hexQuantity("codeFormat") {
                #expect(UInt256(UInt64(try #require(account.codeFormat))) == format, "\(id)")
            }
            if let version = try record.hexQuantity("vmVersion") {
                #expect(UInt256(UInt64(try #require(account.vmVersion))) == version, "\(id)")
            }
        }
    }

    @Test func specWorkedBytes() throws {
        let eoa = Account.externallyOwned(nonce: 0x1234, balance: 0x5678)
        #expect(eoa.encoded() == (try Hex.decode("0x01c98212348256788001c0")))
    }

    // MARK: Defaults and accessors

    @Test func emptyHashes() {
        #expect(Account.emptyCodeHash.hex == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(Account.emptyStorageRoot.hex == "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
    }

    @Test func newExternallyOwnedAccount() throws {
        let account = Account.externallyOwned()
        #expect(account.kind == .externallyOwned)
        #expect(account.key == .legacy)
        #expect(account.nonce == 0 && account.balance == .zero && !account.humanReadable)
        #expect(account.storageRoot == Account.emptyStorageRoot)
        #expect(account.codeHash == Account.emptyCodeHash)
        #expect(account.codeFormat == nil && account.vmVersion == nil)
        #expect(account.encoded() == [0x01, 0xc5, 0x80, 0x80, 0x80, 0x01, 0xc0])
        #expect(try Account(decoding: account.encoded()) == account)
    }

    @Test func newSmartContractAccount() throws {
        let account = Account.smartContract(codeInfo: CodeInfo(vmVersion: 1))
        #expect(account.kind == .smartContract)
        #expect(account.nonce == 1)
        #expect(account.key == .fail)
        #expect(account.storageRoot == Account.emptyStorageRoot)
        #expect(account.codeHash == Account.emptyCodeHash)
        #expect(account.codeFormat == 0 && account.vmVersion == 1)
        #expect(account.contract?.codeInfo.rawValue == 0x10)
        let encoded = account.encoded()
        #expect(Array(encoded.prefix(9)) == [0x02, 0xf8, 0x49, 0xc5, 0x01, 0x80, 0x80, 0x03, 0xc0])
        #expect(try Account(decoding: encoded) == account)
    }

    @Test func codeInfoNibbles() {
        let info = CodeInfo(codeFormat: 0x3, vmVersion: 0xa)
        #expect(info.rawValue == 0xa3)
        #expect(info.codeFormat == 3 && info.vmVersion == 10)
        #expect(CodeInfo(rawValue: 0x10).vmVersion == 1)
    }

    @Test func everyKeyTypeRoundTripsInsideAnAccount() throws {
        let a = F.privateKey(1), b = F.privateKey(2)
        let keys: [AccountKey] = [
            .nil, .legacy, .fail, .public(a.publicKey),
            F.multiSig(threshold: 2, [(a, 1), (b, 1)]),
            .roleBased([.public(a.publicKey), F.multiSig(threshold: 1, [(b, 1)]), .fail]),
        ]
        for key in keys {
            for account in [Account.externallyOwned(nonce: 7, balance: .max, key: key),
                            Account.smartContract(key: key, codeInfo: CodeInfo(vmVersion: 0))] {
                #expect(try Account(decoding: account.encoded()) == account, "\(key)")
            }
        }
    }

    // MARK: EIP-158 emptiness

    @Test func externallyOwnedIsEmptyOnlyWithALegacyKey() {
        #expect(Account.externallyOwned().isEmpty)
        #expect(!Account.externallyOwned(nonce: 1).isEmpty)
        #expect(!Account.externallyOwned(balance: 1).isEmpty)
        #expect(!Account.externallyOwned(key: .fail).isEmpty)
        #expect(!Account.externallyOwned(key: .public(F.privateKey(1).publicKey)).isEmpty)
        #expect(!Account.externallyOwned(key: .roleBased([.legacy])).isEmpty)
    }

    @Test func smartContractIsEmptyWithoutCodeWhateverItsKey() {
        let info = CodeInfo(vmVersion: 1)
        #expect(Account.smartContract(nonce: 0, codeInfo: info).isEmpty)
        #expect(!Account.smartContract(codeInfo: info).isEmpty)
        #expect(!Account.smartContract(nonce: 0, balance: 1, codeInfo: info).isEmpty)
        #expect(!Account.smartContract(nonce: 0, codeHash: Keccak256.hash([0x00] as [UInt8]), codeInfo: info).isEmpty)
    }

    // MARK: Ethereum accounts

    @Test func ethereumAccountRoundTrips() throws {
        let empty = EthereumAccount()
        let expected: [UInt8] = [0xf8, 0x44, 0x80, 0x80, 0xa0] + Account.emptyStorageRoot.bytes + [0xa0] + Account.emptyCodeHash.bytes
        #expect(empty.encoded() == expected)
        #expect(try EthereumAccount(decoding: expected) == empty)
        let account = EthereumAccount(nonce: 0x1234, balance: 0x5678, storageRoot: Keccak256.hash([1] as [UInt8]),
                                      codeHash: Keccak256.hash([2] as [UInt8]))
        #expect(try EthereumAccount(decoding: account.encoded()) == account)
    }

    @Test func ethereumAccountMalformed() throws {
        let good = EthereumAccount().encoded()
        #expect(throws: AccountError.malformed(.trailingBytes(count: 1))) { try EthereumAccount(decoding: good + [0]) }
        #expect(throws: AccountError.malformed(.unexpectedEnd)) { try EthereumAccount(decoding: [0xc2, 0x80, 0x80]) }
        let shortRoot: [UInt8] = [0xe5, 0x80, 0x80, 0x81, 0xff, 0xa0] + Account.emptyCodeHash.bytes
        #expect(throws: AccountError.wrongFieldLength(field: "storage root", expected: 32, actual: 1)) {
            try EthereumAccount(decoding: shortRoot)
        }
    }

    // MARK: Malformed values

    @Test func emptyValue() {
        #expect(throws: AccountError.malformed(.unexpectedEnd)) { try Account(decoding: []) }
    }

    @Test func unknownTypePrefix() {
        #expect(throws: AccountError.unknownAccountType(0x03)) { try Account(decoding: [0x03, 0xc0]) }
        #expect(throws: AccountError.unknownAccountType(0x00)) { try Account(decoding: [0x00, 0xc0]) }
        #expect(throws: AccountError.unknownAccountType(0x80)) { try Account(decoding: [0x80, 0xc0]) }
    }

    @Test func legacyAccountIsRefused() {
        #expect(throws: AccountError.legacyAccountNotSupported) { try Account(decoding: EthereumAccount().encoded()) }
    }

    @Test func truncatedValue() {
        let encoded = Account.externallyOwned(nonce: 0x1234, balance: 0x5678).encoded()
        #expect(throws: AccountError.malformed(.lengthPastInput(needed: 9, available: 8))) {
            try Account(decoding: encoded.dropLast())
        }
        #expect(throws: AccountError.malformed(.unexpectedEnd)) { try Account(decoding: [0x01]) }
    }

    @Test func trailingBytesAfterTheValue() {
        let encoded = Account.externallyOwned().encoded()
        #expect(throws: AccountError.malformed(.trailingBytes(count: 1))) { try Account(decoding: encoded + [0x80]) }
    }

    @Test func externallyOwnedWithWrongArity() {
        // [nonce, balance, humanReadable]: the key is missing.
        #expect(throws: AccountError.key(.unserializableKey(.rlp(.unexpectedEnd)))) {
            try Account(decoding: [0x01, 0xc3, 0x80, 0x80, 0x80])
        }
        // [nonce, balance, humanReadable, 1, [], extra]
        #expect(throws: AccountError.malformed(.trailingBytes(count: 1))) {
            try Account(decoding: [0x01, 0xc6, 0x80, 0x80, 0x80, 0x01, 0xc0, 0x80])
        }
        // a byte string instead of the list
        #expect(throws: AccountError.malformed(.expectedList)) { try Account(decoding: [0x01, 0x80]) }
    }

    @Test func smartContractWithWrongArity() throws {
        var writer = RLPWriter()
        writer.append(2 as UInt64)
        writer.list { fields in
            fields.appendRaw([0xc5, 0x01, 0x80, 0x80, 0x03, 0xc0])
            fields.append(bytes: Account.emptyStorageRoot.bytes)
            fields.append(bytes: Account.emptyCodeHash.bytes)
        }
        #expect(throws: AccountError.malformed(.unexpectedEnd)) { try Account(decoding: writer.bytes) }
        // An EOA body under the SCA prefix.
        #expect(throws: AccountError.malformed(.expectedList)) {
            try Account(decoding: [0x02, 0xc5, 0x80, 0x80, 0x80, 0x01, 0xc0])
        }
    }

    @Test func smartContractFieldsOfTheWrongSize() throws {
        func sca(root: [UInt8], codeHash: [UInt8], codeInfo: [UInt8]) -> [UInt8] {
            var writer = RLPWriter()
            writer.append(2 as UInt64)
            writer.list { fields in
                fields.appendRaw([0xc5, 0x01, 0x80, 0x80, 0x03, 0xc0])
                fields.append(bytes: root)
                fields.append(bytes: codeHash)
                fields.appendRaw(codeInfo)
            }
            return writer.bytes
        }
        let root = Account.emptyStorageRoot.bytes, code = Account.emptyCodeHash.bytes
        #expect(try Account(decoding: sca(root: root, codeHash: code, codeInfo: [0x10])).vmVersion == 1)
        #expect(throws: AccountError.wrongFieldLength(field: "code hash", expected: 32, actual: 31)) {
            try Account(decoding: sca(root: root, codeHash: Array(code.dropLast()), codeInfo: [0x10]))
        }
        #expect(throws: AccountError.wrongFieldLength(field: "storage root", expected: 32, actual: 0)) {
            try Account(decoding: sca(root: [], codeHash: code, codeInfo: [0x10]))
        }
        #expect(throws: AccountError.malformed(.integerOverflow)) {
            try Account(decoding: sca(root: root, codeHash: code, codeInfo: [0x82, 0x01, 0x00]))
        }
        #expect(throws: AccountError.malformed(.nonCanonicalInteger)) {
            try Account(decoding: sca(root: root, codeHash: code, codeInfo: [0x00]))
        }
    }

    @Test func humanReadableMustBeABoolean() {
        #expect(throws: AccountError.malformed(.invalidBoolean(2))) {
            try Account(decoding: [0x01, 0xc5, 0x80, 0x80, 0x02, 0x01, 0xc0])
        }
    }

    @Test func undecodableKeyInsideTheAccount() {
        #expect(throws: AccountError.key(.unserializableKey(.unknownKeyType(9)))) {
            try Account(decoding: [0x01, 0xc5, 0x80, 0x80, 0x80, 0x09, 0xc0])
        }
        let error = AccountError.key(.unserializableKey(.unknownKeyType(9)))
        #expect(error.description == "invalid account: key is not serializable")
    }

    @Test func balanceWiderThan256Bits() {
        let wide: [UInt8] = [0xa1, 0x01] + [UInt8](repeating: 0, count: 32)
        #expect(throws: AccountError.malformed(.integerOverflow)) {
            try Account(decoding: [0x01, 0xe6, 0x80] + wide + [0x80, 0x01, 0xc0])
        }
    }
}
