import KlayPrecompiles
import KlayPrimitives
import KlayState
import KlayTypes

/// Applies one state-test message to the state as the reference clients' test harnesses do:
/// go-ethereum's state transition under Ethereum rules, Klaytn's `ApplyMessage` for a legacy
/// transaction under Klaytn rules, through the same ``StateTransition`` the chain applies blocks with.
enum TransactionApplier {
    enum Outcome {
        /// Invalid: nothing was applied.
        case rejected(String)
        case executed(CallResult)
    }

    /// Klaytn's block rewardbase in state tests (never set: the zero address), which receives half
    /// the fee from Magma on.
    static let klaytnRewardbase = Address.zero

    static func apply(_ message: Message, block: BlockContext, state: StateDB, rules: EVMRules, tracer: (any Tracer)?) -> Outcome {
        if message.isBlobTransaction { return .rejected("blob transactions are not supported") }
        guard let value = message.value else { return .rejected("value exceeds 256 bits") }
        let gasRules = GasRules(schedule: rules.isKlaytn ? .klaytn : .ethereum, istanbul: rules.istanbul, shanghai: rules.shanghai)
        guard let intrinsic = try? message.transaction.intrinsicGas(rules: gasRules) else { return .rejected("gas uint64 overflow") }
        if rules.isKlaytn { return applyKlaytn(message, value: value, intrinsicGas: intrinsic, block: block, state: state, rules: rules, tracer: tracer) }
        let pricing: (price: UInt256, coinbasePrice: UInt256)
        switch checkValidity(message, block: block, state: state, rules: rules) {
        case .failure(let reason): return .rejected(reason.message)
        case .success(let checked): pricing = checked
        }
        guard message.gasLimit >= intrinsic else { return .rejected("intrinsic gas too low") }
        let gasCost = UInt256(message.gasLimit) &* pricing.price
        if rules.shanghai && message.to == nil && message.data.count > EVM.maximumInitCodeSize {
            return .rejected("max initcode size exceeded")
        }

        let transaction = TransactionContext(origin: message.sender, gasPrice: pricing.price, feePayer: message.sender)
        let evm = EVM(rules: rules, block: block, transaction: transaction, state: state)
        evm.tracer = tracer
        let (warmAddresses, warmSlots) = warmSet(message, block: block, rules: rules, evm: evm)
        state.beginTransaction(warmAddresses: warmAddresses, warmSlots: warmSlots)
        state.subtractBalance(message.sender, gasCost)
        let gas = message.gasLimit - intrinsic
        var result: CallResult
        if let to = message.to {
            state.setNonce(message.sender, message.nonce + 1)
            result = evm.call(caller: message.sender, address: to, input: message.data, gas: gas, value: value)
        } else {
            result = evm.create(caller: message.sender, initCode: message.data, gas: gas, value: value)
        }
        let used = message.gasLimit - result.gasLeft
        result.gasLeft += min(state.refund, used / rules.refundQuotient)
        state.addBalance(message.sender, UInt256(result.gasLeft) &* pricing.price)
        let gasUsed = UInt256(message.gasLimit - result.gasLeft)
        state.addBalance(block.coinbase, gasUsed &* pricing.coinbasePrice)
        return .executed(result)
    }

    /// Klaytn's harness applies the message through `ApplyMessage` as a legacy transaction: the chain's
    /// own ``StateTransition``, priced at the base fee from Magma, fees not deferred.
    static func applyKlaytn(_ message: Message, value: UInt256, intrinsicGas: UInt64, block: BlockContext, state: StateDB,
                            rules: EVMRules, tracer: (any Tracer)?) -> Outcome {
        let transition = TransitionMessage(
            sender: message.sender, nonce: message.nonce, gasLimit: message.gasLimit,
            gasPrice: rules.magma ? block.baseFee : message.gasPrice ?? .zero, value: value, data: message.data,
            intrinsicGas: intrinsicGas, accessList: message.accessList ?? [],
            action: message.to.map { .call(to: $0) } ?? .create)
        let fees = StateTransition.FeeRecipients(author: block.coinbase, rewardbase: klaytnRewardbase, deferred: false)
        switch StateTransition.apply(transition, block: block, state: state, rules: rules, fees: fees, tracer: tracer) {
        case .failure(let error): return .rejected(error.description)
        case .success(let outcome):
            return .executed(CallResult(output: outcome.output, gasLeft: message.gasLimit - outcome.gasUsed,
                                        error: outcome.executionError, createdAddress: outcome.contractAddress))
        }
    }

    struct Rejection: Error { let message: String }

    /// go-ethereum's checks before anything is charged, and the gas price paid (and the part of it the coinbase earns).
    static func checkValidity(_ message: Message, block: BlockContext, state: StateDB, rules: EVMRules)
        -> Result<(price: UInt256, coinbasePrice: UInt256), Rejection> {
        guard state.nonce(message.sender) == message.nonce else {
            return .failure(Rejection(message: state.nonce(message.sender) < message.nonce ? "nonce too high" : "nonce too low"))
        }
        if message.accessList != nil && !rules.eip2929 { return .failure(Rejection(message: "transaction type not supported")) }
        if message.maxFeePerGas != nil && !rules.baseFeeOpcode { return .failure(Rejection(message: "transaction type not supported")) }
        let london = rules.baseFeeOpcode
        let feeCap = message.maxFeePerGas ?? message.gasPrice ?? .zero
        let tip = message.maxPriorityFeePerGas ?? feeCap
        if london {
            if feeCap < block.baseFee { return .failure(Rejection(message: "max fee per gas less than block base fee")) }
            if tip > feeCap { return .failure(Rejection(message: "max priority fee per gas higher than max fee per gas")) }
        }
        guard message.nonce < .max else { return .failure(Rejection(message: "nonce has max value")) }
        if state.codeHash(message.sender) != Account.emptyCodeHash { return .failure(Rejection(message: "sender not an eoa")) }
        guard message.gasLimit <= block.gasLimit else { return .failure(Rejection(message: "gas limit reached")) }
        let (gasCost, overflow1) = UInt256(message.gasLimit).multipliedReportingOverflow(by: feeCap)
        let (needed, overflow2) = gasCost.addingReportingOverflow(message.value ?? .zero)
        guard !overflow1 && !overflow2, state.balance(message.sender) >= needed else {
            return .failure(Rejection(message: "insufficient funds for gas * price + value"))
        }
        let price = london ? min(feeCap, block.baseFee &+ tip) : feeCap
        return .success((price, london ? price &- block.baseFee : price))
    }

    /// The addresses and slots warm at the start under Ethereum's rules (EIP-2929/2930/3651).
    static func warmSet(_ message: Message, block: BlockContext, rules: EVMRules, evm: EVM) -> ([Address], [(Address, UInt256)]) {
        guard rules.eip2929 else { return ([], []) }
        var addresses: [Address] = [message.sender]
        if let to = message.to { addresses.append(to) }
        addresses += evm.precompiles.addresses
        if rules.shanghai { addresses.append(block.coinbase) }
        var slots: [(Address, UInt256)] = []
        if rules.warmsAccessList, let list = message.accessList {
            for entry in list {
                addresses.append(entry.address)
                for key in entry.storageKeys { slots.append((entry.address, UInt256(key))) }
            }
        }
        return (addresses, slots)
    }
}
