import KlayChain
import KlayEVM
import KlayPrimitives
import KlayTypes
import Testing

/// Message calls without a transaction on a one-validator chain with the Vyper counter deployed:
/// results, reverts, gas estimation by binary search, the intrinsic-gas and timeout errors, state
/// overrides, and block replay for tracing.
@Suite struct CallExecutorTests {
    let owner = ChainFixture.funded[0]

    /// A chain whose block 1 deploys the counter (starting at 40) from `owner`.
    func deployed() throws -> (Blockchain, Address) {
        let chain = try ChainFixture.open()
        var deploy = Transaction(type: .legacy)
        deploy.gasPrice = ProcessorFixture.baseFee
        deploy.gas = 1_000_000
        deploy.input = CounterContract.deployment(start: 40)
        deploy.sign(with: owner, chainID: ProcessorFixture.chainID)
        let (_, proposal) = try ChainFixture.produce(chain, [deploy])
        #expect(proposal.receipts[0].status == .success)
        return (chain, EVM.createAddress(caller: owner.address, nonce: 0))
    }

    @Test func callReturnsTheContractsAnswer() throws {
        let (chain, counter) = try deployed()
        let outcome = try CallExecutor(chain: chain).call(CallArguments(to: counter, data: CounterContract.valueSelector), at: chain.head)
        #expect(outcome.status == .success)
        #expect(outcome.output == UInt256(40).bigEndianBytes)
        #expect(outcome.gasUsed > 21_000)
        #expect(outcome.computationCost > 0)
    }

    @Test func anUnfundedSenderCanCallWithAPrice() throws {
        let (chain, counter) = try deployed()
        let stranger = Address(lastBytesOf: Keccak256.hash(Array("nobody".utf8)))
        let arguments = CallArguments(from: stranger, to: counter, gasPrice: UInt256(1_000_000_000_000 as UInt64),
                                      data: CounterContract.increment(by: 2))
        let outcome = try CallExecutor(chain: chain).call(arguments, at: chain.head)
        #expect(outcome.status == .success)
        #expect(outcome.output == UInt256(42).bigEndianBytes)
    }

    @Test func revertKeepsItsData() throws {
        let (chain, counter) = try deployed()
        let outcome = try CallExecutor(chain: chain).call(CallArguments(to: counter, data: CounterContract.increment(by: 0)), at: chain.head)
        #expect(outcome.failed)
        #expect(outcome.revertData?.prefix(4) == [0x08, 0xc3, 0x79, 0xa0])
        #expect(outcome.returnData.isEmpty)
    }

    @Test func intrinsicGasAndTransferErrorsUseKlaytnsTexts() throws {
        let (chain, counter) = try deployed()
        let executor = CallExecutor(chain: chain)
        #expect(throws: CallError.intrinsicGasTooLow(gas: 21_000, intrinsic: 21_400)) {
            try executor.call(CallArguments(to: counter, gas: 21_000, data: CounterContract.valueSelector), at: chain.head)
        }
        #expect(CallError.intrinsicGasTooLow(gas: 21_000, intrinsic: 21_400).description == "intrinsic gas too low: msg.gas 21000, want 21400")
        let poor = CallArguments(to: counter, gas: 100_000, value: UInt256(1), data: CounterContract.valueSelector)
        #expect(throws: CallError.transition(.insufficientBalanceForTransfer, gas: 100_000)) { try executor.call(poor, at: chain.head) }
        #expect(CallError.transition(.insufficientBalanceForTransfer, gas: 100_000).description
            == "err: insufficient balance for transfer (supplied gas 100000)")
        #expect(throws: CallError.invalidArguments("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")) {
            try executor.call(CallArguments(to: counter, gasPrice: .one, maxFeePerGas: .one), at: chain.head)
        }
    }

    @Test func estimateIsTheSmallestGasThatSucceeds() throws {
        let (chain, counter) = try deployed()
        let executor = CallExecutor(chain: chain)
        let arguments = CallArguments(from: owner.address, to: counter, data: CounterContract.increment(by: 3))
        let estimate = try executor.estimateGas(arguments, feeCap: .zero, balanceAt: chain.head)
        var exact = arguments
        exact.gas = estimate
        #expect(try executor.call(exact, at: chain.head).status == .success)
        exact.gas = estimate - 1
        #expect(try executor.call(exact, at: chain.head).failed)

        // The real transaction with the estimate succeeds and uses no more.
        var tx = Transaction(type: .legacy)
        tx.nonce = 1
        tx.gasPrice = ProcessorFixture.baseFee
        tx.gas = estimate
        tx.to = counter
        tx.input = CounterContract.increment(by: 3)
        tx.sign(with: owner, chainID: ProcessorFixture.chainID)
        let (_, proposal) = try ChainFixture.produce(chain, [tx])
        #expect(proposal.receipts[0].status == .success)
        #expect(proposal.receipts[0].gasUsed <= estimate)
    }

    @Test func estimateErrors() throws {
        let (chain, counter) = try deployed()
        let executor = CallExecutor(chain: chain)
        let tooLittle = CallArguments(to: counter, gas: 25_000, data: CounterContract.increment(by: 1))
        #expect(throws: CallError.gasRequiredExceedsAllowance(25_000)) {
            try executor.estimateGas(tooLittle, feeCap: .zero, balanceAt: chain.head)
        }
        let rich = CallArguments(from: owner.address, to: counter, value: ProcessorFixture.klay &* UInt256(2_000))
        #expect(throws: CallError.insufficientFundsForTransfer) {
            try executor.estimateGas(rich, feeCap: .one, balanceAt: chain.head)
        }
        let reverting = CallArguments(to: counter, data: CounterContract.increment(by: 0))
        do {
            _ = try executor.estimateGas(reverting, feeCap: .zero, balanceAt: chain.head)
            Issue.record("a reverting call has no estimate")
        } catch .executionFailed(let outcome) {
            #expect(outcome.revertData?.isEmpty == false)
        }
    }

    @Test func overridesAndTimeout() throws {
        let (chain, counter) = try deployed()
        let overridden = [(address: counter, override: StateOverride(stateDiff: [(CounterContract.valueSlot, UInt256(7))]))]
        let outcome = try CallExecutor(chain: chain).call(CallArguments(to: counter, data: CounterContract.valueSelector),
                                                          at: chain.head, overrides: overridden)
        #expect(outcome.output == UInt256(7).bigEndianBytes)

        // JUMPDEST, PUSH1 0, JUMP: runs until the deadline.
        let looping = Address(lastBytesOf: Keccak256.hash(Array("loop".utf8)))
        let executor = CallExecutor(chain: chain, timeout: .milliseconds(50))
        #expect(throws: CallError.timeout(.milliseconds(50))) {
            try executor.call(CallArguments(to: looping), at: chain.head,
                              overrides: [(address: looping, override: StateOverride(code: [0x5b, 0x60, 0x00, 0x56]))])
        }
        #expect(CallError.timeout(.milliseconds(50)).description == "execution aborted (timeout = 50ms)")
        #expect(CallError.timeout(.seconds(5)).description == "execution aborted (timeout = 5s)")
    }

    @Test func replayReproducesTheReceipts() throws {
        let (chain, counter) = try deployed()
        let calls = (1...3).map { nonce -> Transaction in
            var tx = Transaction(type: .legacy)
            tx.nonce = UInt64(nonce)
            tx.gasPrice = ProcessorFixture.baseFee
            tx.gas = 200_000
            tx.to = counter
            tx.input = CounterContract.increment(by: UInt64(nonce))
            tx.sign(with: owner, chainID: ProcessorFixture.chainID)
            return tx
        }
        let (block, proposal) = try ChainFixture.produce(chain, calls)
        final class Counting: Tracer {
            var steps = 0
            func step(_ step: TraceStep) { steps += 1 }
        }
        let tracer = Counting()
        let outcomes = try chain.replay(block, tracing: 2..<3) { _ in tracer }
        let outcome = try outcomes[0].get()
        #expect(outcome.gasUsed == proposal.receipts[2].gasUsed)
        #expect(outcome.output == UInt256(46).bigEndianBytes)
        #expect(tracer.steps > 0)
        // The live state is untouched: the counter still reads 46 at the head, once.
        let value = try CallExecutor(chain: chain).call(CallArguments(to: counter, data: CounterContract.valueSelector), at: chain.head)
        #expect(value.output == UInt256(46).bigEndianBytes)
    }
}
