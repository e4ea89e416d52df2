import KlayEVM
import KlayPrimitives
import KlayState
import KlayTypes

/// Runs messages that are not transactions — `klay_call`/`eth_call`, gas and computation-cost
/// estimates, `debug_traceCall` — against the state after a block, without committing anything
/// (`klaytn:api/api_public_blockchain.go` `DoCall`, `blockchain/evm.go` `DoEstimateGas`,
/// `node/cn/tracers/api.go` `TraceCall`).
///
/// Each run takes a fresh read-only view of the block's state, credits the sender `gas × price` so an
/// unfunded `from` works, and applies the message with ``StateTransition`` — the path blocks use — in
/// the context of that block (COINBASE its proposer, zero when unsealed). Calls run without the
/// computation-cost limit and stop after ``timeout``.
public struct CallExecutor: Sendable {
    public let chain: Blockchain
    /// The highest gas a call may use (`--rpc.gascap`); 0 for none.
    public let gasCap: UInt64
    /// How long a call may run (`--rpc.evmtimeout`, default 5 s); nil for no limit.
    public let timeout: Duration?

    public init(chain: Blockchain, gasCap: UInt64 = 0, timeout: Duration? = .seconds(5)) {
        self.chain = chain
        self.gasCap = gasCap
        self.timeout = timeout
    }

    /// Runs `arguments` on the state after `header`, with `overrides` applied first (`eth_call`).
    /// Execution failures (REVERT, out of gas, …) are in the outcome; errors are for messages that
    /// could not run.
    public func call(_ arguments: CallArguments, at header: Header,
                     overrides: [(address: Address, override: StateOverride)] = []) throws(CallError) -> CallOutcome {
        let meter = CallMeter(timeout: timeout)
        let outcome = try run(arguments, at: header, overrides: overrides, tracer: meter)
        if meter.expired, let timeout { throw .timeout(timeout) }
        return outcome
    }

    /// Runs `arguments` on the state after `header` with `tracer` watching, as `debug_traceCall` does:
    /// the sender is credited `gas × base fee` only (nothing before Magma), the block's computation-cost
    /// limit applies, there is no time limit, and a refused message fails with `tracing failed: …`.
    public func trace(_ arguments: CallArguments, at header: Header, tracer: any Tracer) throws(CallError) -> CallOutcome {
        try run(arguments, at: header, overrides: [], tracer: tracer, traced: true)
    }

    /// The smallest gas with which `arguments` succeed, by Klaytn's binary search: between 20 999 and the
    /// given gas (if at least 21 000) or 999 999 999 999, lowered to what the balance at `balanceAt`
    /// pays at `feeCap` and to the gas cap. Each probe runs on the head state.
    public func estimateGas(_ arguments: CallArguments, feeCap: UInt256, balanceAt: Header) throws(CallError) -> UInt64 {
        let head = chain.head
        var low: UInt64 = 21_000 - 1
        var high = CallArguments.upperGasLimit
        if let given = arguments.gas, given >= 21_000 { high = given }
        if !feeCap.isZero {
            let balance = try state(at: balanceAt).balance(arguments.from)
            if arguments.value >= balance { throw .insufficientFundsForTransfer }
            let allowance = (balance &- arguments.value).quotientAndRemainder(dividingBy: feeCap).quotient
            if let allowance = allowance.uint64Value, high > allowance { high = allowance }
        }
        if gasCap != 0 && high > gasCap { high = gasCap }
        let cap = high

        /// Whether the call fails with `gas`, and its outcome when it ran.
        func probe(_ gas: UInt64) throws(CallError) -> (failed: Bool, outcome: CallOutcome?) {
            var attempt = arguments
            attempt.gas = gas
            do {
                let outcome = try call(attempt, at: head)
                return (outcome.failed, outcome)
            } catch .intrinsicGasTooLow {
                return (true, nil)
            } catch .transition(.intrinsicGasTooLow, _) {
                return (true, nil)
            }
        }

        while low + 1 < high {
            let middle = (high + low) / 2
            if try probe(middle).failed { low = middle } else { high = middle }
        }
        if high == cap {
            let (failed, outcome) = try probe(high)
            if failed {
                if let outcome, outcome.status != ReceiptStatus(rawValue: 0x07) { throw .executionFailed(outcome) }
                throw .gasRequiredExceedsAllowance(cap)
            }
        }
        return high
    }

    /// A fresh read-only view of the state after `header`.
    func state(at header: Header) throws(CallError) -> StateDB {
        do {
            return try chain.state(at: header.stateRoot)
        } catch {
            throw .unavailable("missing trie node \(header.stateRoot.hex) (state of block \(header.number))")
        }
    }

    /// Builds the message from `arguments` and applies it (`DoCall`, or `TraceCall` when `traced`).
    private func run(_ arguments: CallArguments, at header: Header, overrides: [(address: Address, override: StateOverride)],
                     tracer: any Tracer, traced: Bool = false) throws(CallError) -> CallOutcome {
        let rules = chain.processor.rules(at: header.number.uint64Value ?? .max)
        let state = try state(at: header)
        for (address, override) in overrides { try override.apply(to: state, at: address) }
        let intrinsic = try arguments.intrinsicGas(rules: rules)
        try arguments.checkFeeFields()
        let gas = arguments.gasLimit(cap: gasCap)
        // From Magma the base fee is charged whatever the message's own price.
        let price = header.baseFee ?? arguments.price(baseFee: .zero)
        let credit = traced ? header.baseFee ?? .zero : price
        state.addBalance(arguments.from, UInt256(gas) &* credit)
        if !traced && gas < intrinsic { throw .intrinsicGasTooLow(gas: gas, intrinsic: intrinsic) }

        let message = TransitionMessage(
            sender: arguments.from, nonce: state.nonce(arguments.from), gasLimit: gas, gasPrice: price,
            value: arguments.value, data: arguments.data, intrinsicGas: intrinsic, accessList: arguments.accessList,
            action: arguments.to.map { .call(to: $0) } ?? .create)
        let author = (try? chain.engine.author(of: header)) ?? .zero
        let context = chain.processor.blockContext(for: header, author: author, blockHash: chain.canonicalHash)
        var evmRules = rules.evm
        if !traced { evmRules.computationLimit = .max }
        let fees = StateTransition.FeeRecipients(author: author, rewardbase: header.rewardbase,
                                                 deferred: chain.processor.parameters.deferredTxFee)
        switch StateTransition.apply(message, block: context, state: state, rules: evmRules, fees: fees, tracer: tracer) {
        case .success(let outcome):
            return CallOutcome(status: outcome.status, gasUsed: outcome.gasUsed, output: outcome.output,
                               computationCost: outcome.computationUsed)
        case .failure(let error):
            throw traced ? .tracingFailed(error) : .transition(error, gas: gas)
        }
    }
}
