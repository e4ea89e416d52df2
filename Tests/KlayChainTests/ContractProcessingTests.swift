import KlayChain
import KlayEVM
import KlayPrimitives
import KlayTypes
import Testing

/// Deploying the Vyper counter (`Contracts/Counter.vy`) with SmartContractDeploy and calling it with
/// SmartContractExecution: the new account, its storage, the event log and bloom, a revert's status,
/// and the recipient rules of the value-transfer and execution families.
@Suite struct ContractProcessingTests {
    let owner = ProcessorFixture.key(1)

    func deployed() throws -> (ProcessorFixture, Address) {
        let chain = try ProcessorFixture()
        chain.fund(owner.address, ProcessorFixture.klay &* UInt256(10))
        let deploy = chain.transaction(.smartContractDeploy, from: owner.address, signers: [owner], nonce: 0) {
            $0.input = CounterContract.deployment(start: 40)
        }
        let execution = try chain.block([deploy])
        let receipt = execution.receipts[0]
        #expect(receipt.status == .success)
        #expect(receipt.contractAddress == EVM.createAddress(caller: owner.address, nonce: 0))
        return (chain, receipt.contractAddress)
    }

    @Test func deployCreatesASmartContractAccount() throws {
        let (chain, counter) = try deployed()
        let account = try #require(chain.state.account(counter))
        #expect(account.kind == .smartContract)
        #expect(account.key == .fail)
        #expect(account.vmVersion == 1)
        #expect(!chain.state.code(counter).isEmpty)
        #expect(chain.state.storage(counter, CounterContract.valueSlot) == UInt256(40))
        #expect(chain.state.nonce(owner.address) == 1)
    }

    @Test func executionRunsTheCodeAndLogs() throws {
        let (chain, counter) = try deployed()
        let call = chain.transaction(.smartContractExecution, from: owner.address, signers: [owner], nonce: 1) {
            $0.to = counter
            $0.input = CounterContract.increment(by: 2)
        }
        let execution = try chain.block([call])
        let receipt = execution.receipts[0]
        #expect(receipt.status == .success)
        #expect(chain.state.storage(counter, CounterContract.valueSlot) == UInt256(42))
        #expect(receipt.logs.count == 1)
        #expect(receipt.logs[0].address == counter)
        #expect(receipt.logs[0].topics == [CounterContract.incrementedTopic, try Hash(bytes: [UInt8](repeating: 0, count: 12) + owner.address.bytes)])
        #expect(receipt.logs[0].data == UInt256(42).bigEndianBytes)
        #expect(receipt.bloom.mayContain(counter.bytes))
        #expect(execution.bloom == receipt.bloom)
    }

    @Test func revertIsAFailedReceiptNotAnInvalidBlock() throws {
        let (chain, counter) = try deployed()
        let call = chain.transaction(.smartContractExecution, from: owner.address, signers: [owner], nonce: 1) {
            $0.to = counter
            $0.input = CounterContract.increment(by: 0)
        }
        let execution = try chain.block([call])
        #expect(execution.receipts[0].status == ReceiptStatus(rawValue: 0x09))
        #expect(execution.receipts[0].status.description == "evm: execution reverted")
        #expect(chain.state.storage(counter, CounterContract.valueSlot) == UInt256(40))
        #expect(chain.state.nonce(owner.address) == 2)
    }

    @Test func recipientRules() throws {
        let (chain, counter) = try deployed()
        let transfer = chain.transaction(.valueTransfer, from: owner.address, signers: [owner], nonce: 1) {
            $0.to = counter
            $0.value = .one
        }
        #expect(chain.rejection(transfer) == "this type transaction cannot be sent to contract addresses")
        let toEOA = chain.transaction(.smartContractExecution, from: owner.address, signers: [owner], nonce: 1) {
            $0.to = ProcessorFixture.key(2).address
            $0.input = CounterContract.increment(by: 1)
        }
        #expect(chain.rejection(toEOA) == "not a program account (e.g., an account having code and storage)")
        // A legacy transaction may send value to a contract (a plain call: this one has no payable
        // fallback, so it reverts).
        let legacy = chain.transaction(.legacy, from: owner.address, signers: [owner], nonce: 1) {
            $0.to = counter
            $0.value = .one
        }
        let execution = try chain.block([legacy])
        #expect(execution.receipts[0].status == ReceiptStatus(rawValue: 0x09))
    }
}
