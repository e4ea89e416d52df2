import KlayPrimitives
import Testing
@testable import KlayTypes

/// Signature validation per key type and role (spec/accounts.md §4–§5), with real signatures and the
/// public keys recovered from them.
@Suite struct AccountKeyValidationTests {
    typealias F = AccountFixtures
    let a = F.privateKey(1), b = F.privateKey(2), c = F.privateKey(3), d = F.privateKey(4)

    /// Whether `key` accepts signatures by `keys` for `role`, before and from Istanbul.
    private func accepts(_ key: AccountKey, _ keys: [PrivateKey], role: AccountKeyRole = .transaction,
                         address: Address? = nil, istanbul: Bool) -> Bool {
        do {
            try key.validate(signers: F.signers(keys), role: role, address: address ?? a.address, istanbul: istanbul)
            return true
        } catch {
            #expect(error == .invalidAccountKey)
            #expect(error.description == "invalid account key")
            return false
        }
    }

    @Test func recoveredSignersAreTheSigningKeys() {
        #expect(F.signers([a, b]) == [a.publicKey, b.publicKey])
    }

    @Test func legacyNeedsOneSignatureFromTheAccountsOwnAddress() {
        for istanbul in [false, true] {
            #expect(accepts(.legacy, [a], address: a.address, istanbul: istanbul))
            #expect(!accepts(.legacy, [b], address: a.address, istanbul: istanbul))
            #expect(!accepts(.legacy, [a, a], address: a.address, istanbul: istanbul))
            #expect(!accepts(.legacy, [], address: a.address, istanbul: istanbul))
        }
    }

    @Test func publicNeedsOneSignatureByItsKeyWhateverTheAddress() {
        let key = F.publicKey(b)
        for istanbul in [false, true] {
            #expect(accepts(key, [b], address: a.address, istanbul: istanbul))
            #expect(!accepts(key, [a], address: a.address, istanbul: istanbul))
            #expect(!accepts(key, [b, b], istanbul: istanbul))
        }
    }

    @Test func failAndNilNeverValidate() {
        for istanbul in [false, true] {
            #expect(!accepts(.fail, [a], address: a.address, istanbul: istanbul))
            #expect(!accepts(.nil, [a], address: a.address, istanbul: istanbul))
        }
    }

    @Test func multiSigNeedsTheThresholdOfWeight() {
        let key = F.multiSig(threshold: 3, [(a, 1), (b, 1), (c, 2)])
        for istanbul in [false, true] {
            #expect(!accepts(key, [a, b], istanbul: istanbul))
            #expect(accepts(key, [a, c], istanbul: istanbul))
            #expect(accepts(key, [c, b, a], istanbul: istanbul))
            #expect(!accepts(key, [c], istanbul: istanbul))
        }
    }

    @Test func multiSigCountsASignerOnce() {
        let key = F.multiSig(threshold: 3, [(a, 1), (b, 1), (c, 2)])
        for istanbul in [false, true] {
            #expect(!accepts(key, [c, c], istanbul: istanbul))
            #expect(!accepts(key, [a, a, b], istanbul: istanbul))
        }
    }

    @Test func unknownSignerIsIgnoredBeforeIstanbulAndRefusedFromIt() {
        let key = F.multiSig(threshold: 3, [(a, 1), (b, 1), (c, 2)])
        #expect(accepts(key, [a, c, d], istanbul: false))
        #expect(!accepts(key, [a, c, d], istanbul: true))
    }

    @Test func moreSignaturesThanKeysIsRefusedFromIstanbul() {
        let key = F.multiSig(threshold: 2, [(a, 2), (b, 1)])
        #expect(accepts(key, [a, a, a], istanbul: false))
        #expect(!accepts(key, [a, a, a], istanbul: true))
        #expect(accepts(key, [a, a], istanbul: true))
    }

    @Test func multiSigWithMoreThanTenKeysInStateFailsTheValidationCheck() {
        let key = F.multiSig(threshold: 1, (1...11).map { (F.privateKey($0), 1) })
        for istanbul in [false, true] {
            #expect(throws: AccountKeyError.maxKeysExceededInValidation) {
                try key.validate(signers: F.signers([a]), role: .transaction, address: a.address, istanbul: istanbul)
            }
        }
        #expect(AccountKeyError.maxKeysExceededInValidation.description
            == "the number of keys exceeds the limit in the validation check")
        let ten = F.multiSig(threshold: 1, (1...10).map { (F.privateKey($0), 1) })
        #expect(accepts(ten, [a], istanbul: true))
    }

    @Test func multiSigWithoutKeysInStateFailsAsKlaytnsGasCheckDoes() {
        #expect(throws: AccountKeyError.zeroLength) {
            try AccountKey.weightedMultiSig(threshold: 0, keys: []).validate(
                signers: F.signers([a]), role: .transaction, address: a.address, istanbul: true)
        }
    }

    @Test func threeRoleKeyPicksTheRolesKey() {
        let key = AccountKey.roleBased([F.publicKey(a), F.publicKey(b), F.publicKey(c)])
        for istanbul in [false, true] {
            #expect(accepts(key, [a], role: .transaction, istanbul: istanbul))
            #expect(!accepts(key, [b], role: .transaction, istanbul: istanbul))
            #expect(accepts(key, [b], role: .accountUpdate, istanbul: istanbul))
            #expect(!accepts(key, [a], role: .accountUpdate, istanbul: istanbul))
            #expect(accepts(key, [c], role: .feePayer, istanbul: istanbul))
            #expect(!accepts(key, [a], role: .feePayer, istanbul: istanbul))
        }
    }

    @Test func twoRoleKeyFallsBackToTheTransactionKeyForTheFeePayer() {
        let key = AccountKey.roleBased([F.publicKey(a), F.publicKey(b)])
        #expect(accepts(key, [b], role: .accountUpdate, istanbul: true))
        #expect(accepts(key, [a], role: .feePayer, istanbul: true))
        #expect(!accepts(key, [b], role: .feePayer, istanbul: true))
    }

    @Test func oneRoleKeyAnswersEveryRole() {
        let key = AccountKey.roleBased([F.publicKey(a)])
        for role in AccountKeyRole.allCases {
            #expect(accepts(key, [a], role: role, istanbul: true))
            #expect(!accepts(key, [b], role: role, istanbul: true))
        }
    }

    @Test func roleKeyLookup() {
        let key = AccountKey.roleBased([.legacy, .fail])
        #expect(key.key(for: .transaction) == .legacy)
        #expect(key.key(for: .accountUpdate) == .fail)
        #expect(key.key(for: .feePayer) == .legacy)
        #expect(AccountKey.fail.key(for: .feePayer) == .fail)
        #expect(AccountKey.roleBased([]).key(for: .transaction) == .nil)
    }

    @Test func roleBasedLegacyRoleChecksTheAddress() {
        let key = AccountKey.roleBased([.legacy, F.publicKey(b)])
        #expect(accepts(key, [a], role: .transaction, address: a.address, istanbul: true))
        #expect(!accepts(key, [a], role: .accountUpdate, address: a.address, istanbul: true))
    }

    @Test func roleBasedMultiSigRoleUsesMultiSigRules() {
        let key = AccountKey.roleBased([F.publicKey(a), F.multiSig(threshold: 2, [(b, 1), (c, 1)])])
        #expect(accepts(key, [b, c], role: .accountUpdate, istanbul: true))
        #expect(!accepts(key, [b], role: .accountUpdate, istanbul: true))
        #expect(!accepts(key, [b, c], role: .transaction, istanbul: true))
    }

    @Test func emptyRoleListValidatesNothing() {
        #expect(!accepts(.roleBased([]), [a], address: a.address, istanbul: true))
    }

    @Test func legacyAndEthereumTransactionsNeedALegacyKey() throws {
        try AccountKey.legacy.checkLegacyTransactionSender()
        for key in [AccountKey.fail, F.publicKey(a), .roleBased([.legacy])] {
            #expect(throws: AccountKeyError.legacyTransactionNeedsLegacyKey) { try key.checkLegacyTransactionSender() }
        }
        #expect(AccountKeyError.legacyTransactionNeedsLegacyKey.description
            == "a legacy transaction must be with a legacy account key")
        #expect(AccountKeyError.legacyTransactionNeedsLegacyKey.receiptCode == 0x1b)
    }
}
