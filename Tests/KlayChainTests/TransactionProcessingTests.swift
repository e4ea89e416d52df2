import KlayChain
import KlayPrimitives
import KlayTypes
import Testing

/// Every Klaytn transaction type through the block processor: gas used (the docs' RPC outputs,
/// spec/accounts.md §7 worked examples), balances to the peb, nonces, and the refusals a block
/// cannot contain, with Klaytn's texts.
@Suite struct TransactionProcessingTests {
    let sender = ProcessorFixture.key(1)
    let recipient = ProcessorFixture.key(2).address
    let start = ProcessorFixture.klay &* UInt256(1_000)

    func fixture(fork: Hardfork? = .cancun) throws -> ProcessorFixture {
        let chain = try ProcessorFixture(fork: fork)
        chain.fund(sender.address, start)
        return chain
    }

    func fee(_ gas: UInt64) -> UInt256 { UInt256(gas) &* ProcessorFixture.baseFee }

    @Test func valueTransferMovesValueAndChargesTheBaseFee() throws {
        let chain = try fixture()
        let value = UInt256(123_456_789 as UInt64)
        let tx = chain.transaction(.valueTransfer, from: sender.address, signers: [sender], nonce: 0) {
            $0.to = recipient
            $0.value = value
        }
        let execution = try chain.block([tx])
        #expect(execution.receipts.map(\.gasUsed) == [21_000])
        #expect(execution.receipts[0].status == .success)
        #expect(chain.balance(sender.address) == start &- value &- fee(21_000))
        #expect(chain.balance(recipient) == value)
        #expect(chain.state.nonce(sender.address) == 1)
        // No deferral: half of the fee to the rewardbase, half burnt (KIP-71).
        #expect(chain.balance(chain.rewardbase) == fee(21_000) >> 1)
    }

    @Test func memoCancelAndAnchoringUseTheDocumentedGas() throws {
        let chain = try fixture()
        let memo = chain.transaction(.valueTransferMemo, from: sender.address, signers: [sender], nonce: 0) {
            $0.to = recipient
            $0.value = .one
            $0.input = Array("hello".utf8)
        }
        let cancel = chain.transaction(.cancel, from: sender.address, signers: [sender], nonce: 1)
        let anchoring = chain.transaction(.chainDataAnchoring, from: sender.address, signers: [sender], nonce: 2) {
            $0.input = [UInt8](repeating: 0xab, count: 168)
        }
        let execution = try chain.block([memo, cancel, anchoring])
        #expect(execution.receipts.map(\.gasUsed) == [21_500, 21_000, 37_800])
        #expect(execution.receipts.allSatisfy { $0.status == .success })
        #expect(chain.state.nonce(sender.address) == 3)
        #expect(chain.balance(sender.address) == start &- .one &- fee(21_500 + 21_000 + 37_800))
    }

    @Test func legacyAndEthereumTypedTransactions() throws {
        let chain = try fixture()
        let legacy = chain.transaction(.legacy, from: sender.address, signers: [sender], nonce: 0) {
            $0.to = recipient
            $0.value = UInt256(7)
        }
        let accessList = chain.transaction(.ethereumAccessList, from: sender.address, signers: [sender], nonce: 1) {
            $0.to = recipient
            $0.value = UInt256(7)
            $0.chainIDField = UInt256(ProcessorFixture.chainID)
            $0.accessList = [AccessListEntry(address: recipient, storageKeys: [Hash.zero])]
        }
        let dynamicFee = chain.transaction(.ethereumDynamicFee, from: sender.address, signers: [sender], nonce: 2) {
            $0.to = recipient
            $0.value = UInt256(7)
            $0.chainIDField = UInt256(ProcessorFixture.chainID)
            $0.gasPrice = UInt256(100_000_000_000 as UInt64)  // maxFeePerGas: only the base fee is charged
            $0.gasTipCap = UInt256(2)
        }
        let execution = try chain.block([legacy, accessList, dynamicFee])
        #expect(execution.receipts.map(\.gasUsed) == [21_000, 21_000 + 2_400 + 1_900, 21_000])
        #expect(chain.balance(recipient) == UInt256(21))
        #expect(chain.balance(sender.address) == start &- UInt256(21) &- fee(21_000 * 3 + 4_300))
    }

    @Test func ethereumTypesAreRefusedBeforeTheirFork() throws {
        let chain = try fixture(fork: .london)
        let tx = chain.transaction(.ethereumDynamicFee, from: sender.address, signers: [sender], nonce: 0) {
            $0.to = recipient
            $0.chainIDField = UInt256(ProcessorFixture.chainID)
        }
        #expect(chain.rejection(tx) == "transaction type not supported")
    }

    @Test func refusalsCarryKlaytnTexts() throws {
        let chain = try fixture()
        let transfer = { (nonce: UInt64, configure: (inout Transaction) -> Void) in
            chain.transaction(.valueTransfer, from: self.sender.address, signers: [self.sender], nonce: nonce) {
                $0.to = self.recipient
                configure(&$0)
            }
        }
        #expect(chain.rejection(transfer(1) { _ in }) == "nonce too high")
        #expect(chain.rejection(transfer(0) { $0.gas = 20_999 }) == "intrinsic gas too low")
        #expect(chain.rejection(transfer(0) { $0.value = self.start }) == "insufficient balance for transfer")
        #expect(chain.rejection(transfer(0) { $0.to = try! Address(hex: "0x0000000000000000000000000000000000000005") })
            == "the address is reserved for pre-compiled contracts")
        // Signed by another key than the account's (legacy: its own address).
        let forged = chain.transaction(.valueTransfer, from: sender.address, signers: [ProcessorFixture.key(9)], nonce: 0) {
            $0.to = recipient
        }
        #expect(chain.rejection(forged) == "invalid sender: invalid account key")
        let poor = ProcessorFixture.key(3)
        let unfunded = chain.transaction(.valueTransfer, from: poor.address, signers: [poor], nonce: 0) { $0.to = recipient }
        #expect(chain.rejection(unfunded) == "insufficient balance of the fee payer to pay for gas")
        try chain.block([transfer(0) { _ in }])
        #expect(chain.rejection(transfer(0) { _ in }) == "nonce too low")
    }

    @Test func buildingSkipsWhatAnImportWouldRefuse() throws {
        let chain = try fixture()
        let good = chain.transaction(.valueTransfer, from: sender.address, signers: [sender], nonce: 0) { $0.to = recipient }
        let gap = chain.transaction(.valueTransfer, from: sender.address, signers: [sender], nonce: 5) { $0.to = recipient }
        let execution = try chain.block([gap, good], mode: .building(deadline: .max))
        #expect(execution.transactions.map(\.hash) == [good.hash])
        #expect(execution.skipped.map(\.error.description) == ["nonce too high"])
    }
}
