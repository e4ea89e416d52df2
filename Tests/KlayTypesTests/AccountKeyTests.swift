import KlayPrimitives
import Testing
@testable import KlayTypes

/// Serialized account keys `S(key)` (spec/accounts.md §3): Klaytn docs' vectors, AccountUpdate's key
/// field, the inline state form, and malformed input.
@Suite struct AccountKeyTests {
    // MARK: Vectors

    @Test func everyKeyVectorDecodesToItsFieldsAndReencodes() throws {
        let records = try AccountFixtures.records(kind: "accountKey")
        #expect(records.count == 7)
        for record in records {
            let id = record.recordID
            let bytes = try #require(try record.hexBytes("rlp"), "\(id)")
            let key = try AccountKey(serialized: bytes)
            #expect(key.serialized == bytes, "\(id)")
            #expect(UInt256(UInt64(key.type.rawValue)) == (try record.hexQuantity("keyType")), "\(id)")
            #expect(key.type.name == record["keyTypeName"] as? String, "\(id)")
            switch key {
            case .public(let publicKey):
                #expect(publicKey.compressed == (try record.hexBytes("compressedPublicKey")), "\(id)")
                #expect(Array(publicKey.uncompressed[1..<33]) == (try record.hexBytes("publicKeyX")), "\(id)")
                #expect(Array(publicKey.uncompressed[33...]) == (try record.hexBytes("publicKeyY")), "\(id)")
                let privateKey = try PrivateKey(hex: try #require(record["privateKey"] as? String))
                #expect(privateKey.publicKey == publicKey, "\(id)")
            case .weightedMultiSig(let threshold, let keys):
                #expect(UInt256(threshold) == (try record.hexQuantity("threshold")), "\(id)")
                let members = try #require(record["weightedKeys"] as? [[String: Any]], "\(id)")
                #expect(keys.count == members.count, "\(id)")
                for (key, member) in zip(keys, members) {
                    #expect(UInt256(key.weight) == (try member.hexQuantity("weight")), "\(id)")
                    #expect(key.publicKey.compressed == (try member.hexBytes("compressedPublicKey")), "\(id)")
                    #expect(Array(key.publicKey.uncompressed[1..<33]) == (try member.hexBytes("publicKeyX")), "\(id)")
                    #expect(Array(key.publicKey.uncompressed[33...]) == (try member.hexBytes("publicKeyY")), "\(id)")
                }
                try key.checkInstallable()
            case .roleBased(let roles):
                let roleFields = ["roleTransactionKeyRLP", "roleAccountUpdateKeyRLP", "roleFeePayerKeyRLP"]
                #expect(roles.count == roleFields.count, "\(id)")
                for (role, field) in zip(roles, roleFields) {
                    #expect(role.serialized == (try record.hexBytes(field)), "\(id) \(field)")
                }
                if let listed = record["publicKeys"] as? [[String: Any]] {
                    let inRoles = roles.flatMap { role -> [PublicKey] in
                        switch role {
                        case .public(let key): return [key]
                        case .weightedMultiSig(_, let keys): return keys.map(\.publicKey)
                        default: return []
                        }
                    }
                    let expected = try listed.map { try $0.hexBytes("compressedPublicKey") }
                    #expect(inRoles.map(\.compressed) == expected, "\(id)")
                }
            case .nil, .legacy, .fail:
                #expect(bytes.count <= 2, "\(id)")
            }
        }
    }

    @Test func fixedEncodingsOfTheKeysWithoutBody() {
        #expect(AccountKey.nil.serialized == [0x80])
        #expect(AccountKey.legacy.serialized == [0x01, 0xc0])
        #expect(AccountKey.fail.serialized == [0x03, 0xc0])
        #expect(AccountKey.roleBased([.nil]).serialized == [0x05, 0xc2, 0x81, 0x80])
    }

    @Test func accountUpdateTransactionsCarrySerializedKeys() throws {
        let updates = try AccountFixtures.records(kind: "transaction").filter {
            ["0x20", "0x21", "0x22"].contains($0["txType"] as? String)
        }
        #expect(updates.count == 3)
        for record in updates {
            let bytes = try #require(try record.hexBytes("key"), "\(record.recordID)")
            let key = try AccountKey(serialized: bytes)
            #expect(key.serialized == bytes, "\(record.recordID)")
            #expect(key.type == .public, "\(record.recordID)")
            let transaction = try Transaction(rawBytes: try #require(try record.hexBytes("rawTx")))
            #expect(try AccountKey(serialized: transaction.key) == key, "\(record.recordID)")
        }
    }

    @Test func docsRoleBasedExampleHasTheDescribedRoles() throws {
        let record = try #require(try AccountFixtures.record(id: "accounts/AccountKeyRoleBased"))
        let key = try AccountKey(serialized: try #require(try record.hexBytes("rlp")))
        guard case .roleBased(let roles) = key,
              case .public(let a) = roles[0],
              case .weightedMultiSig(2, let members) = roles[1],
              case .public = roles[2] else {
            Issue.record("unexpected shape \(key)")
            return
        }
        #expect(members.map(\.weight) == [1, 1])
        #expect(members[0].publicKey == a)
        try key.checkInstallable()
    }

    // MARK: Inline form

    @Test func inlineFormIsTheSerializedFormInsideAList() throws {
        let keys: [AccountKey] = [
            .nil, .legacy, .fail, AccountFixtures.publicKey(AccountFixtures.privateKey(1)),
            AccountFixtures.multiSig(threshold: 2, [(AccountFixtures.privateKey(1), 1), (AccountFixtures.privateKey(2), 1)]),
            .roleBased([.legacy, .fail]),
        ]
        for key in keys {
            var writer = RLPWriter()
            writer.list { list in
                list.append(7 as UInt64)
                key.writeInline(to: &list)
                list.append(9 as UInt64)
            }
            let bytes = writer.bytes
            let expected = RLPWriter.encode { writer in
                writer.list { list in
                    list.append(7 as UInt64)
                    list.appendRaw(key.serialized)
                    list.append(9 as UInt64)
                }
            }
            #expect(bytes == expected, "\(key)")

            var outer = RLPReader(bytes)
            var list = try outer.readList()
            #expect(try list.readUInt64() == 7)
            #expect(try AccountKey(readingInline: &list) == key)
            #expect(try list.readUInt64() == 9)
            try list.finish()
        }
    }

    @Test func failedInlineReadLeavesTheReaderInPlace() throws {
        var reader = RLPReader([0x02, 0x81, 0x80, 0x05])
        #expect(throws: AccountKeyError.unserializableKey(.publicKeyLength(1))) {
            try AccountKey(readingInline: &reader)
        }
        #expect(try reader.readUInt64() == 2)
    }

    // MARK: Malformed input

    /// Decoding `bytes` fails with Klaytn's `key is not serializable`, for the reason `fault`.
    private func expectUnserializable(_ bytes: [UInt8], _ fault: AccountKeyDecodingFault,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let key = try AccountKey(serialized: bytes)
            Issue.record("decoded \(key)", sourceLocation: sourceLocation)
        } catch {
            #expect(error == .unserializableKey(fault), sourceLocation: sourceLocation)
            #expect(error.description == "key is not serializable", sourceLocation: sourceLocation)
            #expect(error.receiptCode == 0x14, sourceLocation: sourceLocation)
        }
    }

    private static let compressedX5: [UInt8] = [0x02] + [UInt8](repeating: 0, count: 31) + [5]  // x = 5 is off the curve

    @Test func emptyInput() {
        expectUnserializable([], .rlp(.unexpectedEnd))
    }

    @Test func truncatedInput() throws {
        let multiSig = try #require(try AccountFixtures.record(id: "accounts/AccountKeyWeightedMultiSig")?.hexBytes("rlp"))
        expectUnserializable(Array(multiSig.dropLast()), .rlp(.lengthPastInput(needed: 147, available: 146)))
        expectUnserializable([0x02], .rlp(.unexpectedEnd))
        expectUnserializable([0x01], .rlp(.unexpectedEnd))
    }

    @Test func trailingBytes() {
        expectUnserializable([0x01, 0xc0, 0x00], .rlp(.trailingBytes(count: 1)))
        expectUnserializable([0x80, 0xc0], .rlp(.trailingBytes(count: 1)))
    }

    @Test func unknownKeyType() {
        expectUnserializable([0x06, 0xc0], .unknownKeyType(6))
        expectUnserializable([0x81, 0xff, 0xc0], .unknownKeyType(255))
        expectUnserializable([0x82, 0x01, 0x00, 0xc0], .unknownKeyType(256))
    }

    @Test func nonCanonicalKeyType() {
        expectUnserializable([0x00, 0xc0], .rlp(.nonCanonicalInteger))
        expectUnserializable([0x81, 0x01, 0xc0], .rlp(.singleByteWrapped))
        expectUnserializable([0xc0], .rlp(.expectedString))
    }

    @Test func publicKeyOf32Bytes() {
        expectUnserializable([0x02, 0xa0] + [UInt8](repeating: 1, count: 32), .publicKeyLength(32))
    }

    @Test func publicKeyOf34Bytes() {
        expectUnserializable([0x02, 0xa2] + AccountFixtures.privateKey(1).publicKey.compressed + [0], .publicKeyLength(34))
    }

    @Test func uncompressedPublicKey() {
        let uncompressed = AccountFixtures.privateKey(1).publicKey.uncompressed
        expectUnserializable([0x02, 0xb8, 0x41] + uncompressed, .publicKeyLength(65))
    }

    @Test func publicKeyNotOnTheCurve() {
        expectUnserializable([0x02, 0xa1] + Self.compressedX5, .invalidCompressedPublicKey)
        var badPrefix = AccountFixtures.privateKey(1).publicKey.compressed
        badPrefix[0] = 0x04
        expectUnserializable([0x02, 0xa1] + badPrefix, .invalidCompressedPublicKey)
    }

    @Test func publicBodyIsAList() {
        expectUnserializable([0x02, 0xc0], .rlp(.expectedString))
    }

    @Test func legacyAndFailBodiesMustBeTheEmptyList() {
        expectUnserializable([0x01, 0xc1, 0x80], .rlp(.trailingBytes(count: 1)))
        expectUnserializable([0x01, 0x80], .rlp(.expectedList))
        expectUnserializable([0x03, 0xc1, 0x80], .rlp(.trailingBytes(count: 1)))
        expectUnserializable([0x03, 0x80], .rlp(.expectedList))
    }

    @Test func multiSigWithWrongArity() {
        let compressed = AccountFixtures.privateKey(1).publicKey.compressed
        let pair: [UInt8] = [0xe3, 0x01, 0xa1] + compressed
        // [threshold] without the key list
        expectUnserializable([0x04, 0xc1, 0x01], .rlp(.unexpectedEnd))
        // [threshold, [pair], extra]
        expectUnserializable([0x04, 0xe7, 0x01, 0xe4] + pair + [0x80], .rlp(.trailingBytes(count: 1)))
        // a pair of one element
        expectUnserializable([0x04, 0xc4, 0x01, 0xc2, 0xc1, 0x01], .rlp(.unexpectedEnd))
        // a pair of three elements
        expectUnserializable([0x04, 0xe7, 0x01, 0xe5, 0xe4, 0x01, 0xa1] + compressed + [0x80], .rlp(.trailingBytes(count: 1)))
    }

    @Test func multiSigThresholdWiderThan64Bits() {
        expectUnserializable([0x04, 0xcb, 0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0], .rlp(.integerOverflow))
    }

    @Test func roleBasedRoleIsAListNotAByteString() {
        expectUnserializable([0x05, 0xc3, 0xc2, 0x01, 0xc0], .rlp(.expectedString))
    }

    @Test func roleBasedRoleWithTrailingBytes() {
        expectUnserializable([0x05, 0xc4, 0x83, 0x01, 0xc0, 0x00], .rlp(.trailingBytes(count: 1)))
    }

    @Test func roleBasedNestedOnceDecodesButIsNotInstallable() throws {
        let inner = AccountKey.roleBased([.legacy])
        let nested = try AccountKey(serialized: AccountKey.roleBased([inner, .legacy]).serialized)
        #expect(nested == .roleBased([inner, .legacy]))
        #expect(throws: AccountKeyError.nestedCompositeType) { try nested.checkInstallable() }
    }

    @Test func roleBasedNestedTooDeepIsRefusedWithoutExhaustingTheStack() {
        var bytes = AccountKey.legacy.serialized
        for _ in 0..<1_000 {
            var writer = RLPWriter()
            writer.append(5 as UInt64)
            writer.list { $0.append(bytes: bytes) }
            bytes = writer.bytes
        }
        expectUnserializable(bytes, .nestingTooDeep(limit: AccountKey.maxRoleBasedNesting))
    }

    @Test func roleBasedEmptyListDecodes() throws {
        // Decodable, as in Klaytn; installation refuses it.
        let key = try AccountKey(serialized: [0x05, 0xc0])
        #expect(key == .roleBased([]))
        #expect(throws: AccountKeyError.zeroLength) { try key.checkInstallable() }
    }
}
