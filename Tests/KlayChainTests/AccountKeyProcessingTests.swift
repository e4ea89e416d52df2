import KlayChain
import KlayPrimitives
import KlayTypes
import Testing

/// AccountUpdate and what a new key then allows: multisig and role-based keys, the gas they add, and
/// the refusals with Klaytn's texts.
@Suite struct AccountKeyProcessingTests {
    let owner = ProcessorFixture.key(1)
    let recipient = ProcessorFixture.key(2).address
    let members = (11...13).map { ProcessorFixture.key(UInt8($0)) }
    let start = ProcessorFixture.klay &* UInt256(10)

    func fixture() throws -> ProcessorFixture {
        let chain = try ProcessorFixture()
        chain.fund(owner.address, start)
        return chain
    }

    func update(_ chain: ProcessorFixture, to key: AccountKey, nonce: UInt64, signers: [PrivateKey]) -> Transaction {
        chain.transaction(.accountUpdate, from: owner.address, signers: signers, nonce: nonce) { $0.key = key.serialized }
    }

    @Test func publicKeyUpdateCostsTheDocumentedGas() throws {
        let chain = try fixture()
        let newKey = ProcessorFixture.key(20)
        let execution = try chain.block([update(chain, to: .public(newKey.publicKey), nonce: 0, signers: [owner])])
        #expect(execution.receipts[0].gasUsed == 41_000)
        #expect(chain.state.key(owner.address) == .public(newKey.publicKey))
        // The old key no longer signs; the new one does, for the same address.
        let old = chain.transaction(.valueTransfer, from: owner.address, signers: [owner], nonce: 1) { $0.to = recipient }
        #expect(chain.rejection(old) == "invalid sender: invalid account key")
        let new = chain.transaction(.valueTransfer, from: owner.address, signers: [newKey], nonce: 1) { $0.to = recipient }
        try chain.block([new])
        // A legacy transaction needs a legacy key.
        let legacy = chain.transaction(.legacy, from: owner.address, signers: [owner], nonce: 2) { $0.to = recipient }
        #expect(chain.rejection(legacy) == "invalid sender: a legacy transaction must be with a legacy account key")
    }

    @Test func multisigNeedsTheThreshold() throws {
        let chain = try fixture()
        let multisig = AccountKey.weightedMultiSig(threshold: 2, keys: members.map { WeightedPublicKey(weight: 1, publicKey: $0.publicKey) })
        let updated = try chain.block([update(chain, to: multisig, nonce: 0, signers: [owner])])
        #expect(updated.receipts[0].gasUsed == 21_000 + 3 * 20_000)
        let one = chain.transaction(.valueTransfer, from: owner.address, signers: [members[0]], nonce: 1) { $0.to = recipient }
        #expect(chain.rejection(one) == "invalid sender: invalid account key")
        let two = chain.transaction(.valueTransfer, from: owner.address, signers: [members[0], members[2]], nonce: 1) {
            $0.to = recipient
            $0.value = UInt256(77)
        }
        let execution = try chain.block([two])
        // spec/accounts.md §7: 21 000 + 15 000 × (2 − 1) from Istanbul.
        #expect(execution.receipts[0].gasUsed == 36_000)
        #expect(chain.balance(recipient) == UInt256(77))
    }

    @Test func roleBasedKeysSignForTheirRoleOnly() throws {
        let chain = try fixture()
        let (transactionKey, updateKey, feePayerKey) = (ProcessorFixture.key(21), ProcessorFixture.key(22), ProcessorFixture.key(23))
        let roles = AccountKey.roleBased([.public(transactionKey.publicKey), .public(updateKey.publicKey), .public(feePayerKey.publicKey)])
        let updated = try chain.block([update(chain, to: roles, nonce: 0, signers: [owner])])
        #expect(updated.receipts[0].gasUsed == 21_000 + 3 * 20_000)
        // The transaction role sends; it cannot update the key.
        let send = chain.transaction(.valueTransfer, from: owner.address, signers: [transactionKey], nonce: 1) { $0.to = recipient }
        try chain.block([send])
        let wrongRole = update(chain, to: .public(transactionKey.publicKey), nonce: 2, signers: [transactionKey])
        #expect(chain.rejection(wrongRole) == "invalid sender: invalid account key")
        // The account pays fees for others with its fee-payer role key only.
        let other = ProcessorFixture.key(3)
        chain.fund(other.address, UInt256(1_000))
        let sponsoredWrong = chain.transaction(.feeDelegatedValueTransfer, from: other.address, signers: [other], nonce: 0,
                                               feePayer: (owner.address, [transactionKey])) { $0.to = recipient }
        #expect(chain.rejection(sponsoredWrong) == "invalid fee payer: invalid account key")
        let sponsored = chain.transaction(.feeDelegatedValueTransfer, from: other.address, signers: [other], nonce: 0,
                                          feePayer: (owner.address, [feePayerKey])) { $0.to = recipient }
        try chain.block([sponsored])
        // The update role replaces the key (keeping the others with AccountKeyNil).
        let rotate = update(chain, to: .roleBased([.nil, .public(transactionKey.publicKey)]), nonce: 2, signers: [updateKey])
        try chain.block([rotate])
        #expect(chain.state.key(owner.address)
            == .roleBased([.public(transactionKey.publicKey), .public(transactionKey.publicKey), .public(feePayerKey.publicKey)]))
    }

    @Test func keyRuleRefusals() throws {
        let chain = try fixture()
        let unsatisfiable = AccountKey.weightedMultiSig(threshold: 5, keys: members.map { WeightedPublicKey(weight: 1, publicKey: $0.publicKey) })
        #expect(chain.rejection(update(chain, to: unsatisfiable, nonce: 0, signers: [owner]))
            == "unsatisfiable threshold. Weighted sum of keys is less than the threshold.")
        #expect(chain.rejection(update(chain, to: .nil, nonce: 0, signers: [owner]))
            == "AccountKeyNil cannot be initialized to an account")
        try chain.block([update(chain, to: .fail, nonce: 0, signers: [owner])])
        let locked = chain.transaction(.valueTransfer, from: owner.address, signers: [owner], nonce: 1) { $0.to = recipient }
        #expect(chain.rejection(locked) == "invalid sender: invalid account key")
    }
}
