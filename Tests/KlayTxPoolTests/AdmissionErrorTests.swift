import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// Every admission refusal, with Klaytn's exact text (spec/transactions.md §11.1, §12), and the order
/// the checks run in.
@Suite struct AdmissionErrorTests {
    let alice = Pool.key(1), bob = Pool.key(2), payer = Pool.key(40)

    @Test func acceptsAPlainTransfer() {
        let pool = Pool.make()
        let tx = Pool.signed(sender: alice, nonce: 0)
        #expect(pool.add([tx], local: false) == [.success(tx.hash)])
    }

    @Test func ethereumTypesBeforeTheirFork() {
        let pool = Pool.make(head: Pool.head(ethTxType: false))
        for type in [TxType.ethereumAccessList, .ethereumDynamicFee] {
            #expect(pool.addText(Pool.signed(type, sender: alice, nonce: 0)) == "transaction type not supported")
        }
        #expect(Pool.make().addText(Pool.signed(.ethereumAccessList, sender: alice, nonce: 0)) == "accepted")
    }

    @Test func initCodeLimitFromShanghai() {
        let deploy = Pool.signed(.smartContractDeploy, sender: alice, nonce: 0) { tx in
            tx.input = [UInt8](repeating: 0x60, count: 49_153)
            tx.gas = 10_000_000
        }
        #expect(Pool.make().addText(deploy) == "max initcode size exceeded: code size 49153, limit 49152")
        #expect(Pool.make(head: Pool.head(shanghai: false)).addText(deploy) == "accepted")
    }

    /// Klaytn asks `tx.To() == nil`, which types without a recipient answer too.
    @Test func initCodeLimitAlsoHitsAnchoringData() {
        let anchor = Pool.signed(.chainDataAnchoring, sender: alice, nonce: 0) { tx in
            tx.input = [UInt8](repeating: 1, count: 50_000)
            tx.gas = 10_000_000
        }
        #expect(Pool.make().addText(anchor) == "max initcode size exceeded: code size 50000, limit 49152")
    }

    @Test func chainIDMustBeTheNodes() {
        var tx = Pool.unsigned(.valueTransfer, from: alice.address, nonce: 0)
        tx.sign(with: alice, chainID: 2)
        #expect(Pool.make().addText(tx) == "invalid chain id")
        var legacy = Pool.unsigned(.legacy, from: alice.address, nonce: 0)
        legacy.sign(with: alice, chainID: 2)
        #expect(Pool.make().addText(legacy) == "invalid chain id")
    }

    @Test func unitPriceBeforeMagma() {
        let pool = Pool.make()
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0, price: Pool.unitPrice &+ 1)) == "invalid unit price")
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0, price: Pool.unitPrice &- 1)) == "invalid unit price")
    }

    @Test func baseFeeFromMagma() {
        let pool = Pool.make(head: Pool.magmaHead(baseFee: 50_000_000_000))
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0, price: 49_999_999_999))
            == "invalid gas price. It must be set to value greater than or equal to baseFee")
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0, price: 60_000_000_000)) == "accepted")
    }

    @Test func dynamicFeeRules() {
        let before = Pool.make()
        let tipAbove = Pool.signed(.ethereumDynamicFee, sender: alice, nonce: 0) { $0.gasTipCap = Pool.unitPrice &+ 1 }
        #expect(before.addText(tipAbove) == "max fee per gas higher than max priority fee per gas")
        let lowTip = Pool.signed(.ethereumDynamicFee, sender: alice, nonce: 0) { $0.gasTipCap = 1 }
        #expect(before.addText(lowTip) == "invalid gas tip cap. It must be set to the same value as gas unit price")
        let highCap = Pool.signed(.ethereumDynamicFee, sender: alice, nonce: 0) { $0.gasPrice = Pool.unitPrice &+ 1 }
        #expect(before.addText(highCap) == "invalid gas fee cap. It must be set to the same value as gas unit price")

        let after = Pool.make(head: Pool.magmaHead(baseFee: 50_000_000_000))
        let lowCap = Pool.signed(.ethereumDynamicFee, sender: alice, nonce: 0) { $0.gasPrice = 40_000_000_000; $0.gasTipCap = 1 }
        #expect(after.addText(lowCap) == "invalid gas fee cap. It must be set to value greater than or equal to baseFee")
        let fine = Pool.signed(.ethereumDynamicFee, sender: alice, nonce: 0) { $0.gasPrice = 50_000_000_000; $0.gasTipCap = 1 }
        #expect(after.addText(fine) == "accepted")
    }

    @Test func sizeLimitIs128KiB() {
        func memo(_ length: Int) -> Transaction {
            Pool.signed(.valueTransferMemo, sender: alice, nonce: 0) { tx in
                tx.input = [UInt8](repeating: 7, count: length)
                tx.gas = 21_000 + 100 * UInt64(length)
            }
        }
        #expect(Pool.make().addText(memo(131_072)) == "oversized data")
        // The body list without the type byte may be exactly 131 072 bytes.
        var length = 131_000
        var fitting = memo(length)
        for _ in 0..<10 where fitting.rawBytes.count - 1 != 131_072 {
            length += 131_072 - (fitting.rawBytes.count - 1)
            fitting = memo(length)
        }
        #expect(fitting.rawBytes.count - 1 == 131_072)
        #expect(Pool.make().addText(fitting) == "accepted")
        #expect(Pool.make().addText(memo(length + 1)) == "oversized data")
    }

    @Test func senderKeyMustValidate() {
        // Bob signs a transaction from Alice's address, whose key is legacy.
        var tx = Pool.unsigned(.valueTransfer, from: alice.address, nonce: 0)
        tx.sign(with: bob, chainID: Pool.chainID)
        #expect(Pool.make().addText(tx) == "invalid sender: invalid account key")
    }

    @Test func legacyNeedsALegacyKey() {
        var state = MemoryState.funded([alice.address])
        state.keys[alice.address] = .public(bob.publicKey)
        let pool = Pool.make(state: state)
        for type in [TxType.legacy, .ethereumAccessList, .ethereumDynamicFee] {
            #expect(pool.addText(Pool.signed(type, sender: alice, nonce: 0))
                == "invalid sender: a legacy transaction must be with a legacy account key")
        }
    }

    @Test func nonceTooLow() {
        var state = MemoryState.funded([alice.address])
        state.nonces[alice.address] = 5
        let pool = Pool.make(state: state)
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 4)) == "nonce too low")
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 5)) == "accepted")
    }

    @Test func feePayerKeyMustValidate() {
        // Bob signs as the fee payer named `payer`, whose key is legacy.
        var tx = Pool.unsigned(.feeDelegatedValueTransfer, from: alice.address, nonce: 0)
        tx.sign(with: alice, chainID: Pool.chainID)
        tx.feePayer = payer.address
        tx.signAsFeePayer(with: bob, chainID: Pool.chainID)
        #expect(Pool.make().addText(tx) == "invalid fee payer: invalid account key")
    }

    @Test func feeRatioRange() {
        for ratio: UInt8 in [0, 100, 255] {
            let tx = Pool.signed(.feeDelegatedValueTransferWithRatio, sender: alice, nonce: 0) { $0.feeRatio = ratio }
            #expect(Pool.make().addText(tx) == "fee ratio is out of range [1, 99]")
        }
        for ratio: UInt8 in [1, 99] {
            let tx = Pool.signed(.feeDelegatedValueTransferWithRatio, sender: alice, nonce: 0) { $0.feeRatio = ratio }
            #expect(Pool.make().addText(tx) == "accepted")
        }
    }

    @Test func insufficientFundsTexts() {
        let poor = Pool.make(state: MemoryState())
        #expect(poor.addText(Pool.signed(sender: alice, nonce: 0)) == "insufficient funds of the sender for value ")
        let payerless = Pool.make(state: .funded([alice.address]))
        #expect(payerless.addText(Pool.signed(.feeDelegatedCancel, sender: alice, nonce: 0))
            == "insufficient funds of the fee payer for gas * price")
    }

    @Test func intrinsicGas() {
        let pool = Pool.make()
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0) { $0.gas = 20_999 }) == "intrinsic gas too low")
        #expect(pool.addText(Pool.signed(.feeDelegatedValueTransfer, sender: alice, nonce: 0) { $0.gas = 30_999 })
            == "intrinsic gas too low")
        #expect(pool.addText(Pool.signed(.feeDelegatedValueTransfer, sender: alice, nonce: 0) { $0.gas = 31_000 }) == "accepted")
    }

    @Test func knownTransaction() {
        let pool = Pool.make()
        let tx = Pool.signed(sender: alice, nonce: 0)
        _ = pool.add([tx], local: false)
        let expected = "known transaction: " + Hex.encode(tx.hash.bytes, prefix: false)
        #expect(pool.addText(tx) == expected)
        #expect(pool.add([tx, tx], local: true).map(Pool.text) == [expected, expected])
    }

    @Test func localAnchoringIsRefusedUnlessAllowed() {
        let anchor = Pool.signed(.chainDataAnchoring, sender: alice, nonce: 0) { $0.input = [1, 2, 3] }
        #expect(Pool.make().addText(anchor, local: true) == "locally anchoring chaindata tx is not allowed in this node")
        #expect(Pool.make().addText(anchor, local: false) == "accepted")
        #expect(Pool.make(config: TxPoolConfig(allowLocalAnchorTx: true)).addText(anchor, local: true) == "accepted")
        #expect(TxPoolConfig.default.allowLocalAnchorTx == false)
    }

    @Test func recipientRules() {
        var state = MemoryState.funded([alice.address])
        state.programAccounts = [Pool.recipient]
        #expect(Pool.make(state: state).addText(Pool.signed(sender: alice, nonce: 0))
            == "this type transaction cannot be sent to contract addresses")

        let precompile = try! Address(hex: "0x0000000000000000000000000000000000000003")
        #expect(Pool.make().addText(Pool.signed(sender: alice, nonce: 0) { $0.to = precompile })
            == "the address is reserved for pre-compiled contracts")
        // Execution asks for a live contract first, as Klaytn's Validate does.
        #expect(Pool.make().addText(Pool.signed(.smartContractExecution, sender: alice, nonce: 0) { $0.to = precompile })
            == "not a program account (e.g., an account having code and storage)")
        #expect(Pool.make().addText(Pool.signed(.smartContractExecution, sender: alice, nonce: 0))
            == "not a program account (e.g., an account having code and storage)")
        state.programAccounts = []
        state.contracts = [Pool.recipient]
        #expect(Pool.make(state: state).addText(Pool.signed(.smartContractExecution, sender: alice, nonce: 0)) == "accepted")
    }

    @Test func deployRules() {
        #expect(Pool.make().addText(Pool.signed(.smartContractDeploy, sender: alice, nonce: 0) { $0.to = Pool.recipient })
            == "contract deploy transaction can't have a recipient address")
        #expect(Pool.make().addText(Pool.signed(.smartContractDeploy, sender: alice, nonce: 0) { $0.codeFormat = 1 })
            == "smart contract code format is invalid")
    }

    @Test func accountUpdateKeyRules() {
        let zeroWeight = AccountKey.weightedMultiSig(threshold: 1, keys: [WeightedPublicKey(weight: 0, publicKey: bob.publicKey)])
        let update = Pool.signed(.accountUpdate, sender: alice, nonce: 0) { $0.key = zeroWeight.serialized }
        #expect(Pool.make().addText(update) == "key weight is zero")

        var state = MemoryState.funded([alice.address])
        state.keys[alice.address] = .public(bob.publicKey)
        let fromPublic = Pool.signed(.accountUpdate, sender: bob, nonce: 0) { tx in
            tx.from = alice.address
            tx.key = AccountKey.public(alice.publicKey).serialized
            tx.gas = 41_000
        }
        #expect(Pool.make(state: state).addText(fromPublic) == "accepted")
        // The new key's creation gas (20 000 per key) is intrinsic.
        var short = fromPublic
        short.gas = 40_999
        short.signatures = []
        short.sign(with: bob, chainID: Pool.chainID)
        #expect(Pool.make(state: state).addText(short) == "intrinsic gas too low")
    }

    /// With several faults, Klaytn's order decides the error (spec/transactions.md §11).
    @Test func checksRunInKlaytnsOrder() {
        var tx = Pool.unsigned(.valueTransfer, from: alice.address, nonce: 0, price: 1)
        tx.gas = 1
        tx.sign(with: bob, chainID: 2)
        #expect(Pool.make(state: MemoryState()).addText(tx) == "invalid chain id")
        tx.signatures = []
        tx.sign(with: bob, chainID: Pool.chainID)
        #expect(Pool.make(state: MemoryState()).addText(tx) == "invalid unit price")
        tx.gasPrice = Pool.unitPrice
        tx.signatures = []
        tx.sign(with: bob, chainID: Pool.chainID)
        #expect(Pool.make(state: MemoryState()).addText(tx) == "invalid sender: invalid account key")
        tx.signatures = []
        tx.sign(with: alice, chainID: Pool.chainID)
        #expect(Pool.make(state: MemoryState()).addText(tx) == "insufficient funds of the sender for value ")
        #expect(Pool.make().addText(tx) == "intrinsic gas too low")
    }

    @Test func errorTextsWithoutATrigger() {
        // Reached only through paths covered elsewhere (pool limits) or kept for completeness of the table.
        #expect(TxPoolError.batchExceedsCapacity.description == "txpool is full")
        #expect(TxPoolError.poolFull(count: 7).description == "txpool is full: 7")
        #expect(TxPoolError.underpriced.description == "transaction underpriced")
        #expect(TxPoolError.nonceAlreadyInPool.description == "there is another tx which has the same nonce in the tx pool")
    }
}
