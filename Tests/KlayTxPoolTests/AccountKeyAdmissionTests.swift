import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// Senders and fee payers with multisig and role-based keys (spec/accounts.md §4–§5, §7), signed with
/// real keys.
@Suite struct AccountKeyAdmissionTests {
    let account = Pool.key(1)
    let a = Pool.key(11), b = Pool.key(12), c = Pool.key(13)

    func multiSig(threshold: UInt64) -> AccountKey {
        .weightedMultiSig(threshold: threshold, keys: [a, b, c].map { WeightedPublicKey(weight: 1, publicKey: $0.publicKey) })
    }

    /// A value transfer from `account` signed by `signers`, with `gas`.
    func transfer(signedBy signers: [PrivateKey], gas: UInt64 = 100_000, type: TxType = .valueTransfer) -> Transaction {
        var tx = Pool.unsigned(type, from: account.address, nonce: 0)
        tx.gas = gas
        for signer in signers { tx.sign(with: signer, chainID: Pool.chainID) }
        return tx
    }

    func pool(key: AccountKey) -> TxPool {
        var state = MemoryState.funded([account.address])
        state.keys[account.address] = key
        return Pool.make(state: state)
    }

    @Test func multiSigNeedsTheThreshold() {
        let pool = pool(key: multiSig(threshold: 2))
        #expect(pool.addText(transfer(signedBy: [a])) == "invalid sender: invalid account key")
        #expect(pool.addText(transfer(signedBy: [a, Pool.key(14)])) == "invalid sender: invalid account key")
        #expect(pool.addText(transfer(signedBy: [c, a])) == "accepted")
    }

    /// From Istanbul each signature beyond the first costs 15 000 gas.
    @Test func multiSigSignaturesCostValidationGas() {
        let pool = pool(key: multiSig(threshold: 2))
        #expect(pool.addText(transfer(signedBy: [a, b], gas: 35_999)) == "intrinsic gas too low")
        #expect(pool.addText(transfer(signedBy: [a, b], gas: 36_000)) == "accepted")
    }

    @Test func tooManySignaturesAfterIstanbul() {
        let pool = pool(key: multiSig(threshold: 1))
        #expect(pool.addText(transfer(signedBy: [a, b, c, a])) == "invalid sender: invalid account key")
    }

    @Test func publicKeyAccount() {
        let pool = pool(key: .public(a.publicKey))
        #expect(pool.addText(transfer(signedBy: [account])) == "invalid sender: invalid account key")
        #expect(pool.addText(transfer(signedBy: [a])) == "accepted")
    }

    @Test func failKeyNeverSends() {
        #expect(pool(key: .fail).addText(transfer(signedBy: [account])) == "invalid sender: invalid account key")
    }

    @Test func roleBasedKeysPickTheRole() {
        let roles = AccountKey.roleBased([.public(a.publicKey), .public(b.publicKey), .public(c.publicKey)])
        let pool = pool(key: roles)
        #expect(pool.addText(transfer(signedBy: [b])) == "invalid sender: invalid account key")
        #expect(pool.addText(transfer(signedBy: [a])) == "accepted")

        var update = Pool.unsigned(.accountUpdate, from: account.address, nonce: 1)
        update.key = AccountKey.roleBased([.nil, .public(a.publicKey)]).serialized
        var wrongRole = update
        update.sign(with: b, chainID: Pool.chainID)
        wrongRole.sign(with: a, chainID: Pool.chainID)
        #expect(pool.addText(wrongRole) == "invalid sender: invalid account key")
        #expect(pool.addText(update) == "accepted")
    }

    @Test func roleBasedFeePayer() {
        let payer = Pool.key(2)
        var state = MemoryState.funded([account.address, payer.address])
        state.keys[payer.address] = .roleBased([.public(a.publicKey), .public(b.publicKey), multiSig(threshold: 2)])
        func paid(gas: UInt64, by payerKeys: [PrivateKey]) -> Transaction {
            var tx = Pool.unsigned(.feeDelegatedValueTransfer, from: account.address, nonce: 0)
            tx.gas = gas
            tx.sign(with: account, chainID: Pool.chainID)
            tx.feePayer = payer.address
            for key in payerKeys { tx.signAsFeePayer(with: key, chainID: Pool.chainID) }
            return tx
        }
        #expect(Pool.make(state: state).addText(paid(gas: 100_000, by: [a])) == "invalid fee payer: invalid account key")
        // 21 000 + 10 000 fee delegation + 15 000 for the payer's second signature.
        #expect(Pool.make(state: state).addText(paid(gas: 45_999, by: [b, c])) == "intrinsic gas too low")
        #expect(Pool.make(state: state).addText(paid(gas: 46_000, by: [b, c])) == "accepted")
    }

    @Test func multiSigWithTooManyKeysInStateFailsFirst() {
        let keys = (0..<11).map { WeightedPublicKey(weight: 1, publicKey: Pool.key(100 + UInt16($0)).publicKey) }
        let pool = pool(key: .weightedMultiSig(threshold: 1, keys: keys))
        #expect(pool.addText(transfer(signedBy: [Pool.key(100)]))
            == "invalid sender: the number of keys exceeds the limit in the validation check")
    }
}
