import KlayPrecompiles
import KlayPrimitives
import KlayState
import KlayTypes

/// Applies one Klaytn transaction to the state (`klaytn:blockchain/state_transition.go` TransitionDb and
/// each type's `Execute`): check the nonce, buy the gas from the fee payer (split by the fee ratio),
/// charge the intrinsic gas, run the action, refund the unused gas the same way, and pay the fee to the
/// block when fees are not deferred. The chain's block processor and the Klaytn state-test runner both
/// call this, so a state root they agree on comes from one code path.
public enum StateTransition {
    /// Where the fee of a transaction goes when the reward config does not defer fees.
    public struct FeeRecipients: Sendable {
        /// Receives the whole fee before Magma: the block's author (the proposer).
        public var author: Address
        /// Receives half the fee from Magma on; the other half is burnt.
        public var rewardbase: Address
        /// Fees are distributed at block finalisation (the reward config's `deferredTxFee`); nothing is paid here.
        public var deferred: Bool

        public init(author: Address, rewardbase: Address, deferred: Bool) {
            self.author = author
            self.rewardbase = rewardbase
            self.deferred = deferred
        }
    }

    /// A transaction that ran: its receipt status, gas and result. Logs are in the state.
    public struct Outcome: Sendable {
        public var status: ReceiptStatus
        public var gasUsed: UInt64
        public var output: [UInt8]
        /// The created contract (creations only, also when the creation failed).
        public var contractAddress: Address?
        /// The EVM's error, if execution failed.
        public var executionError: ExecutionError?
        /// The AccountUpdate key error, if the key could not be replaced.
        public var keyError: AccountKeyError?
        /// Klaytn's computation cost of the execution (spec/evm.md §3), precompiles included.
        public var computationUsed: UInt64 = 0
    }

    /// Applies `message`. On a ``TransitionError`` the state is left as it was.
    public static func apply(_ message: TransitionMessage, block: BlockContext, state: StateDB, rules: EVMRules,
                             fees: FeeRecipients, tracer: (any Tracer)? = nil) -> Result<Outcome, TransitionError> {
        let nonce = state.nonce(message.sender)
        if nonce < message.nonce { return .failure(.nonceTooHigh) }
        if nonce > message.nonce { return .failure(.nonceTooLow) }

        // Buy gas: the fee payer (and, with a ratio, the sender) must cover gas × price.
        let (gasCost, overflow) = UInt256(message.gasLimit).multipliedReportingOverflow(by: message.gasPrice)
        if overflow { return .failure(.insufficientFeePayerBalance) }
        let (payerPart, senderPart) = message.split(gasCost)
        if state.balance(message.feePayer) < payerPart { return .failure(.insufficientFeePayerBalance) }
        if message.feeRatio != nil && state.balance(message.sender) < senderPart {
            return .failure(.insufficientSenderBalance)
        }
        guard message.gasLimit >= message.intrinsicGas else { return .failure(.intrinsicGasTooLow) }
        // The value must be transferable after the sender's part of the gas (the EVM's first transfer may not fail).
        let senderPays = message.feePayer == message.sender ? gasCost : senderPart
        if !message.value.isZero && state.balance(message.sender) &- senderPays < message.value {
            return .failure(.insufficientBalanceForTransfer)
        }
        if rules.shanghai && message.action == .create && message.data.count > EVM.maximumInitCodeSize {
            return .failure(.maxInitCodeSizeExceeded)
        }

        let evm = EVM(rules: rules, block: block,
                      transaction: TransactionContext(origin: message.sender, gasPrice: message.gasPrice, feePayer: message.feePayer),
                      state: state)
        evm.tracer = tracer
        let (warmAddresses, warmSlots) = warmSet(message, block: block, rules: rules, evm: evm)
        state.beginTransaction(warmAddresses: warmAddresses, warmSlots: warmSlots)
        state.subtractBalance(message.feePayer, payerPart)
        if message.feeRatio != nil { state.subtractBalance(message.sender, senderPart) }

        let gas = message.gasLimit - message.intrinsicGas
        var outcome = Outcome(status: .success, gasUsed: 0, output: [], contractAddress: nil, executionError: nil, keyError: nil)
        var gasLeft = gas
        switch message.action {
        case .call(let to):
            state.setNonce(message.sender, nonce + 1)
            let result = evm.call(caller: message.sender, address: to, input: message.data, gas: gas, value: message.value)
            gasLeft = result.gasLeft
            outcome.output = result.output
            outcome.executionError = result.error
        case .create:
            outcome.contractAddress = EVM.createAddress(caller: message.sender, nonce: nonce)
            let result = evm.create(caller: message.sender, initCode: message.data, gas: gas, value: message.value)
            gasLeft = result.gasLeft
            outcome.output = result.output
            outcome.executionError = result.error
        case .updateKey(let newKey):
            state.setNonce(message.sender, nonce + 1)
            do {
                state.setKey(message.sender, try state.key(message.sender).replaced(by: newKey))
            } catch {
                outcome.keyError = error
            }
        case .incrementNonce:
            state.setNonce(message.sender, nonce + 1)
        }
        outcome.computationUsed = evm.computationUsed
        if let error = outcome.executionError {
            outcome.status = ReceiptStatus(rawValue: error.receiptStatus)
        } else if let error = outcome.keyError {
            outcome.status = ReceiptStatus(rawValue: error.receiptCode ?? ReceiptStatus.vmError.rawValue)
        }

        // Refund: the counter, capped by the fork's quotient, then unused gas back at the same split.
        let used = message.gasLimit - gasLeft
        gasLeft += min(state.refund, used / rules.refundQuotient)
        let (payerRefund, senderRefund) = message.split(UInt256(gasLeft) &* message.gasPrice)
        state.addBalance(message.feePayer, payerRefund)
        if message.feeRatio != nil { state.addBalance(message.sender, senderRefund) }
        outcome.gasUsed = message.gasLimit - gasLeft

        if !fees.deferred {
            let fee = UInt256(outcome.gasUsed) &* message.gasPrice
            if rules.magma {
                state.addBalance(fees.rewardbase, fee >> 1)  // KIP-71: the other half is burnt
            } else {
                state.addBalance(fees.author, fee)
            }
        }
        return .success(outcome)
    }

    /// The addresses and slots warm at the start (EIP-2929/2930/3651; on Klaytn from Kore, with its
    /// precompile list including 0x0a and 0x0b for old contracts, and the access list only from Cancun).
    static func warmSet(_ message: TransitionMessage, block: BlockContext, rules: EVMRules, evm: EVM)
        -> ([Address], [(Address, UInt256)]) {
        guard rules.eip2929 else { return ([], []) }
        var addresses: [Address] = [message.sender]
        if let to = message.to { addresses.append(to) }
        addresses += PrecompileSet.klaytnActiveAddresses(istanbul: rules.istanbul, kore: rules.eip2929, cancun: rules.cancun)
        if rules.shanghai { addresses.append(block.coinbase) }
        var slots: [(Address, UInt256)] = []
        if rules.warmsAccessList {
            for entry in message.accessList {
                addresses.append(entry.address)
                for key in entry.storageKeys { slots.append((entry.address, UInt256(key))) }
            }
        }
        return (addresses, slots)
    }
}
