import KlayPrimitives
import Testing
@testable import KlayTypes

/// Installing and replacing keys (spec/accounts.md §6) and the gas keys add (§7).
@Suite struct AccountKeyUpdateTests {
    typealias F = AccountFixtures
    let a = F.privateKey(1), b = F.privateKey(2), c = F.privateKey(3), d = F.privateKey(4)

    // MARK: One test per error

    @Test func failIsNotUpdatable() {
        #expect(throws: AccountKeyError.failNotUpdatable) { try AccountKey.fail.checkReplaceable(by: .fail) }
        #expect(throws: AccountKeyError.failNotUpdatable) { try AccountKey.fail.replaced(by: .fail) }
        #expect(AccountKeyError.failNotUpdatable.description == "AccountKeyFail is not updatable")
        #expect(AccountKeyError.failNotUpdatable.receiptCode == 0x0f)
    }

    @Test func differentKeyTypeText() {
        // Klaytn raises it only from in-place updates between types, which CheckReplacable never asks for.
        #expect(AccountKeyError.differentKeyType.description == "different account key type")
        #expect(AccountKeyError.differentKeyType.receiptCode == 0x10)
    }

    @Test func nilIsNotInstallable() {
        let error = AccountKeyError.nilNotInstallable
        #expect(throws: error) { try AccountKey.nil.checkInstallable() }
        #expect(throws: error) { try AccountKey.legacy.replaced(by: .nil) }
        #expect(throws: error) { try AccountKey.nil.checkReplaceable(by: .nil) }
        #expect(throws: error) { try AccountKey.roleBased([F.publicKey(a), .nil]).checkInstallable() }
        #expect(error.description == "AccountKeyNil cannot be initialized to an account")
        #expect(error.receiptCode == 0x11)
    }

    @Test func notOnCurveText() {
        // PublicKey values always lie on the curve, and decoding refuses other points as unserializable.
        #expect(AccountKeyError.notOnCurve.description == "public key is not on curve")
        #expect(AccountKeyError.notOnCurve.receiptCode == 0x12)
    }

    @Test func zeroWeightIsNotInstallable() {
        #expect(throws: AccountKeyError.zeroKeyWeight) {
            try F.multiSig(threshold: 1, [(a, 1), (b, 0)]).checkInstallable()
        }
        #expect(AccountKeyError.zeroKeyWeight.description == "key weight is zero")
        #expect(AccountKeyError.zeroKeyWeight.receiptCode == 0x13)
    }

    @Test func unserializableKeyText() {
        let error = AccountKeyError.unserializableKey(.unknownKeyType(9))
        #expect(throws: error) { try AccountKey(serialized: [0x09, 0xc0]) }
        #expect(error.description == "key is not serializable")
        #expect(error.receiptCode == 0x14)
    }

    @Test func duplicatedKeyIsNotInstallable() {
        #expect(throws: AccountKeyError.duplicatedKey) {
            try F.multiSig(threshold: 1, [(a, 1), (b, 1), (a, 2)]).checkInstallable()
        }
        #expect(AccountKeyError.duplicatedKey.description == "duplicated key")
        #expect(AccountKeyError.duplicatedKey.receiptCode == 0x15)
    }

    @Test func weightedSumOverflowIsNotInstallable() throws {
        #expect(throws: AccountKeyError.weightedSumOverflow) {
            try F.multiSig(threshold: 1, [(a, .max), (b, 1)]).checkInstallable()
        }
        try F.multiSig(threshold: .max, [(a, .max - 1), (b, 1)]).checkInstallable()
        #expect(AccountKeyError.weightedSumOverflow.description == "weighted sum overflow")
        #expect(AccountKeyError.weightedSumOverflow.receiptCode == 0x16)
    }

    @Test func unsatisfiableThresholdIsNotInstallable() throws {
        #expect(throws: AccountKeyError.unsatisfiableThreshold) {
            try F.multiSig(threshold: 4, [(a, 1), (b, 2)]).checkInstallable()
        }
        try F.multiSig(threshold: 3, [(a, 1), (b, 2)]).checkInstallable()
        // Klaytn sets no lower bound: threshold 0 installs (flagged as odd in the spec).
        try F.multiSig(threshold: 0, [(a, 1)]).checkInstallable()
        #expect(AccountKeyError.unsatisfiableThreshold.description
            == "unsatisfiable threshold. Weighted sum of keys is less than the threshold.")
        #expect(AccountKeyError.unsatisfiableThreshold.receiptCode == 0x17)
    }

    @Test func zeroLengthIsNotInstallable() {
        #expect(throws: AccountKeyError.zeroLength) { try AccountKey.weightedMultiSig(threshold: 0, keys: []).checkInstallable() }
        #expect(throws: AccountKeyError.zeroLength) { try AccountKey.roleBased([]).checkInstallable() }
        #expect(throws: AccountKeyError.zeroLength) { try AccountKey.roleBased([.legacy]).replaced(by: .roleBased([])) }
        #expect(AccountKeyError.zeroLength.description == "length is zero")
        #expect(AccountKeyError.zeroLength.receiptCode == 0x18)
    }

    @Test func moreThanThreeRolesIsTooLong() {
        let four = AccountKey.roleBased([.legacy, .legacy, .legacy, .legacy])
        #expect(throws: AccountKeyError.lengthTooLong) { try four.checkInstallable() }
        #expect(throws: AccountKeyError.lengthTooLong) { try AccountKey.roleBased([.legacy]).replaced(by: four) }
        #expect(AccountKeyError.lengthTooLong.description == "length too long")
        #expect(AccountKeyError.lengthTooLong.receiptCode == 0x19)
    }

    @Test func nestedRoleBasedIsNotInstallable() {
        let nested = AccountKey.roleBased([.legacy, .roleBased([.legacy])])
        #expect(throws: AccountKeyError.nestedCompositeType) { try nested.checkInstallable() }
        #expect(throws: AccountKeyError.nestedCompositeType) {
            try AccountKey.roleBased([.legacy, .legacy]).replaced(by: nested)
        }
        #expect(AccountKeyError.nestedCompositeType.description == "nested composite type")
        #expect(AccountKeyError.nestedCompositeType.receiptCode == 0x1a)
    }

    @Test func moreThanTenKeysExceedsTheLimit() throws {
        let eleven = F.multiSig(threshold: 1, (1...11).map { (F.privateKey($0), 1) })
        #expect(throws: AccountKeyError.maxKeysExceeded) { try eleven.checkInstallable() }
        #expect(throws: AccountKeyError.maxKeysExceeded) { try eleven.creationGas }
        try F.multiSig(threshold: 1, (1...10).map { (F.privateKey($0), 1) }).checkInstallable()
        #expect(AccountKeyError.maxKeysExceeded.description == "the number of keys exceeds the limit")
        #expect(AccountKeyError.maxKeysExceeded.receiptCode == nil)
    }

    @Test func invalidAccountKeyHasNoReceiptCode() {
        #expect(AccountKeyError.invalidAccountKey.receiptCode == nil)
        #expect(AccountKeyError.maxKeysExceededInValidation.receiptCode == nil)
    }

    @Test func multiSigChecksRunInKlaytnsOrder() {
        // More than ten keys is reported before a zero weight.
        let elevenWithZero = F.multiSig(threshold: 1, [(a, 0)] + (2...12).map { (F.privateKey($0), 1) })
        #expect(throws: AccountKeyError.maxKeysExceeded) { try elevenWithZero.checkInstallable() }
        // A zero weight before a duplicate, a duplicate before an overflow.
        #expect(throws: AccountKeyError.zeroKeyWeight) { try F.multiSig(threshold: 1, [(a, 1), (a, 0)]).checkInstallable() }
        #expect(throws: AccountKeyError.duplicatedKey) { try F.multiSig(threshold: 1, [(a, .max), (a, 1)]).checkInstallable() }
        // Per-key errors before the threshold.
        #expect(throws: AccountKeyError.duplicatedKey) { try F.multiSig(threshold: 100, [(a, 1), (a, 1)]).checkInstallable() }
    }

    // MARK: Replacing

    @Test func installableKeys() throws {
        for key in [AccountKey.legacy, .fail, F.publicKey(a), F.multiSig(threshold: 2, [(a, 1), (b, 1)]),
                    .roleBased([F.publicKey(a)]), .roleBased([.legacy, .fail, F.publicKey(b)])] {
            try key.checkInstallable()
        }
    }

    @Test func replacingWithAnotherTypeInstallsTheNewKey() throws {
        let multiSig = F.multiSig(threshold: 2, [(a, 1), (b, 1)])
        #expect(try AccountKey.legacy.replaced(by: F.publicKey(a)) == F.publicKey(a))
        #expect(try F.publicKey(a).replaced(by: multiSig) == multiSig)
        #expect(try AccountKey.roleBased([.legacy, .legacy]).replaced(by: .legacy) == .legacy)
        #expect(try AccountKey.legacy.replaced(by: .roleBased([F.publicKey(a)])) == .roleBased([F.publicKey(a)]))
        #expect(try AccountKey.legacy.replaced(by: .fail) == .fail)
        #expect(throws: AccountKeyError.unsatisfiableThreshold) {
            try AccountKey.legacy.replaced(by: F.multiSig(threshold: 3, [(a, 1), (b, 1)]))
        }
    }

    @Test func replacingWithTheSameTypeUpdates() throws {
        #expect(try AccountKey.legacy.replaced(by: .legacy) == .legacy)
        #expect(try F.publicKey(a).replaced(by: F.publicKey(b)) == F.publicKey(b))
        let multiSig = F.multiSig(threshold: 1, [(c, 1)])
        #expect(try F.multiSig(threshold: 2, [(a, 1), (b, 1)]).replaced(by: multiSig) == multiSig)
        #expect(throws: AccountKeyError.zeroKeyWeight) {
            try multiSig.replaced(by: F.multiSig(threshold: 0, [(a, 0)]))
        }
    }

    @Test func roleBasedUpdateOfOnlyTheAccountUpdateRole() throws {
        // spec/accounts.md §6: `05 ‖ rlp([80, S(newKey), 80])` over a three-role key.
        let update = try #require(try AccountFixtures.record(id: "derived/AccountKeyRoleBased-update-role1-only"))
        let newKey = try AccountKey(serialized: try #require(try update.hexBytes("rlp")))
        #expect(newKey.serialized == (try update.hexBytes("rlp")))
        guard case .roleBased(let newRoles) = newKey else {
            Issue.record("not role-based: \(newKey)")
            return
        }
        #expect(newRoles.map(\.serialized) == [try update.hexBytes("roleTransactionKeyRLP"),
                                               try update.hexBytes("roleAccountUpdateKeyRLP"),
                                               try update.hexBytes("roleFeePayerKeyRLP")])
        let current = try #require(try AccountFixtures.record(id: "accounts/AccountKeyRoleBased"))
        let old = try AccountKey(serialized: try #require(try current.hexBytes("rlp")))
        guard case .roleBased(let oldRoles) = old else {
            Issue.record("not role-based: \(old)")
            return
        }
        #expect(try old.replaced(by: newKey) == .roleBased([oldRoles[0], newRoles[1], oldRoles[2]]))
        // Installing it on an account without a role-based key fails: a nil role cannot be installed.
        #expect(throws: AccountKeyError.nilNotInstallable) { try AccountKey.legacy.replaced(by: newKey) }
    }

    @Test func roleBasedUpdateKeepsOldRolesBeyondTheNewKey() throws {
        let old = AccountKey.roleBased([F.publicKey(a), F.publicKey(b), F.publicKey(c)])
        #expect(try old.replaced(by: .roleBased([F.publicKey(d)]))
            == .roleBased([F.publicKey(d), F.publicKey(b), F.publicKey(c)]))
    }

    @Test func roleBasedUpdateAppendsNewRoles() throws {
        let old = AccountKey.roleBased([F.publicKey(a)])
        #expect(try old.replaced(by: .roleBased([.nil, F.publicKey(b), F.publicKey(c)]))
            == .roleBased([F.publicKey(a), F.publicKey(b), F.publicKey(c)]))
        #expect(throws: AccountKeyError.nilNotInstallable) {
            try old.replaced(by: .roleBased([.nil, .nil]))
        }
    }

    @Test func roleBasedUpdateAppliesTheReplaceRulesPerRole() throws {
        let old = AccountKey.roleBased([.legacy, .fail])
        #expect(throws: AccountKeyError.failNotUpdatable) { try old.replaced(by: .roleBased([.nil, .fail])) }
        #expect(try old.replaced(by: .roleBased([.nil, .legacy])) == .roleBased([.legacy, .legacy]))
        #expect(throws: AccountKeyError.duplicatedKey) {
            try old.replaced(by: .roleBased([F.multiSig(threshold: 1, [(a, 1), (a, 1)])]))
        }
    }

    // MARK: Gas

    @Test func creationGasPerKey() throws {
        #expect(try AccountKey.nil.creationGas == 0)
        #expect(try AccountKey.legacy.creationGas == 0)
        #expect(try AccountKey.fail.creationGas == 0)
        #expect(try F.publicKey(a).creationGas == 20_000)
        #expect(try F.multiSig(threshold: 1, [(a, 1), (b, 1), (c, 1)]).creationGas == 60_000)
        #expect(try AccountKey.roleBased([F.publicKey(a), F.multiSig(threshold: 1, [(a, 1), (b, 1)]), .legacy]).creationGas == 60_000)
        #expect(throws: AccountKeyError.maxKeysExceeded) {
            try AccountKey.roleBased([F.multiSig(threshold: 1, (1...11).map { (F.privateKey($0), 1) })]).creationGas
        }
    }

    @Test func accountUpdateToAPublicKeyCosts41000() throws {
        // spec/accounts.md §7: 21 000 + 20 000 (FD 51 000, FDR 56 000).
        let expected: [String: UInt64] = ["0x20": 41_000, "0x21": 51_000, "0x22": 56_000]
        for record in try AccountFixtures.records(kind: "transaction") {
            guard let type = record["txType"] as? String, let gas = expected[type] else { continue }
            let transaction = try Transaction(rawBytes: try #require(try record.hexBytes("rawTx")))
            let key = try AccountKey(serialized: transaction.key)
            #expect(try transaction.intrinsicGas(rules: .klaytnIstanbul, keyCreationGas: key.creationGas) == gas,
                    "\(record.recordID)")
        }
    }

    @Test func signatureValidationGas() throws {
        let multiSig = F.multiSig(threshold: 2, [(a, 1), (b, 1), (c, 1)])
        // The 3-key multisig sending with 2 signatures: 15 000 from Istanbul, 30 000 before
        // (21 000 + these = 36 000 / 51 000 in the spec's table).
        #expect(try multiSig.signatureValidationGas(role: .transaction, signatureCount: 2, istanbul: true) == 15_000)
        #expect(try multiSig.signatureValidationGas(role: .transaction, signatureCount: 2, istanbul: false) == 30_000)
        for key in [AccountKey.nil, .legacy, .fail, F.publicKey(a)] {
            #expect(try key.signatureValidationGas(role: .feePayer, signatureCount: 1, istanbul: true) == 0)
        }
        let roleBased = AccountKey.roleBased([F.publicKey(a), multiSig])
        #expect(try roleBased.signatureValidationGas(role: .transaction, signatureCount: 3, istanbul: true) == 0)
        #expect(try roleBased.signatureValidationGas(role: .accountUpdate, signatureCount: 3, istanbul: true) == 30_000)
        #expect(try roleBased.signatureValidationGas(role: .feePayer, signatureCount: 3, istanbul: true) == 0)
        #expect(throws: AccountKeyError.maxKeysExceededInValidation) {
            try F.multiSig(threshold: 1, (1...11).map { (F.privateKey($0), 1) })
                .signatureValidationGas(role: .transaction, signatureCount: 1, istanbul: true)
        }
    }

    @Test func signatureValidationGasForNoSignaturesWrapsLikeKlaytn() throws {
        let multiSig = F.multiSig(threshold: 1, [(a, 1), (b, 1)])
        #expect(try multiSig.signatureValidationGas(role: .transaction, signatureCount: 0, istanbul: true)
            == 0 &- AccountKey.validationGasPerKey)
    }
}
