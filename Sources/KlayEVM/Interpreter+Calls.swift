import KlayPrimitives
import KlayState
import KlayTypes

/// The CALL family, SSTORE and SELFDESTRUCT: the instructions whose gas depends on state.
extension EVM {
    /// CALL, CALLCODE, DELEGATECALL and STATICCALL: gas (EIP-150's 63/64, value and new-account
    /// charges, EIP-2929 cold access), the sub-call, and copying its output back. Specialised per trace
    /// mode like the loop, so the untraced one has no tracer call.
    func callOpcode<Mode: TraceMode>(_ op: UInt8, frame: inout Frame, stack: UnsafeMutablePointer<UInt256>, sp: inout Int,
                                     tracing: Mode.Type) throws(ExecutionError) {
        let hasValue = op == 0xf1 || op == 0xf2
        let requestedGas = stack[sp - 1]
        let address = Address(word: stack[sp - 2])
        let value: UInt256 = hasValue ? stack[sp - 3] : .zero
        let argumentsBase = hasValue ? sp - 4 : sp - 3
        if op == 0xf1 && frame.isStatic && !value.isZero { throw .writeProtection }
        let inputOffset = try frame.expandMemory(offset: stack[argumentsBase], size: stack[argumentsBase - 1])
        let inputSize = stack[argumentsBase - 1].intValue ?? 0
        let outputOffset = try frame.expandMemory(offset: stack[argumentsBase - 2], size: stack[argumentsBase - 3])
        let outputSize = stack[argumentsBase - 3].intValue ?? 0
        try chargeAccountAccess(address, frame: &frame)
        if !value.isZero {
            try frame.charge(9000)
            if op == 0xf1 && (rules.eip150 ? state.isEmpty(address) : !state.exists(address)) { try frame.charge(25_000) }
        }
        var callGas: UInt64
        if rules.eip150 {
            let available = frame.gas - frame.gas / 64
            callGas = requestedGas.uint64Value.map { min($0, available) } ?? available
        } else {
            // Frontier: the requested gas is taken whole, or the call runs out of gas.
            guard let requested = requestedGas.uint64Value, requested <= frame.gas else { throw .outOfGas }
            callGas = requested
        }
        frame.gas -= callGas
        if !value.isZero { callGas += 2300 }
        let input = frame.memory.slice(inputOffset, inputSize)
        let result: CallResult
        switch op {
        case 0xf1: result = call(caller: frame.address, address: address, input: input, gas: callGas, value: value, isStatic: frame.isStatic)
        case 0xf2: result = callCode(caller: frame.address, codeAddress: address, input: input, gas: callGas, value: value, isStatic: frame.isStatic)
        case 0xf4: result = delegateCall(frameAddress: frame.address, frameCaller: frame.caller, frameValue: frame.value,
                                         codeAddress: address, input: input, gas: callGas, isStatic: frame.isStatic)
        default: result = staticCall(caller: frame.address, address: address, input: input, gas: callGas)
        }
        if result.error == nil || result.error == .executionReverted {
            frame.memory.copy(from: result.output, sourceOffset: .zero, to: outputOffset, count: min(outputSize, result.output.count))
        }
        if Mode.isEnabled { tracer?.calleeReturned(sent: callGas, returned: result.gasLeft) }
        frame.gas += result.gasLeft
        frame.returnData = result.output
        sp = argumentsBase - 2  // popped 7 (or 6), pushed 1
        stack[sp - 1] = result.error == nil ? .one : .zero
    }

    /// SSTORE's gas and refunds under the active rules (spec/evm.md §4.1), then the write.
    func storeStorage(slot: UInt256, value: UInt256, frame: inout Frame) throws(ExecutionError) {
        let address = frame.address
        if rules.istanbul && frame.gas <= 2300 { throw .outOfGas }  // EIP-2200's reentrancy sentry
        var cost: UInt64 = 0
        if rules.eip2929 && state.warm(address, slot: slot) { cost = 2100 }
        let current = state.storage(address, slot)
        if !rules.istanbul {
            // Petersburg rule (Klaytn genesis).
            if current.isZero && !value.isZero {
                cost += 20_000
            } else {
                if !current.isZero && value.isZero { state.addRefund(15_000) }
                cost += 5000
            }
        } else {
            let warmRead: UInt64 = rules.eip2929 ? 100 : 800
            let reset: UInt64 = rules.eip2929 ? 5000 - 2100 : 5000
            let clearRefund: UInt64 = rules.eip3529 ? 4800 : 15_000
            if current == value {
                cost += warmRead
            } else {
                let original = state.originalStorage(address, slot)
                if original == current {
                    if original.isZero {
                        cost += 20_000
                    } else {
                        if value.isZero { state.addRefund(clearRefund) }
                        cost += reset
                    }
                } else {
                    if !original.isZero {
                        if current.isZero {
                            state.subtractRefund(clearRefund)
                        } else if value.isZero {
                            state.addRefund(clearRefund)
                        }
                    }
                    if original == value {
                        state.addRefund(original.isZero ? 20_000 - warmRead : reset - warmRead)
                    }
                    cost += warmRead
                }
            }
        }
        try frame.charge(cost)
        state.setStorage(address, slot, value)
    }

    /// SELFDESTRUCT: gas, refund, and the balance move; EIP-6780 keeps accounts created before this transaction.
    func selfDestruct(beneficiary: Address, frame: inout Frame) throws(ExecutionError) {
        let address = frame.address
        if rules.eip2929 && state.warm(beneficiary) { try frame.charge(2600) }
        let balance = state.balance(address)
        if rules.eip150 && !balance.isZero && state.isEmpty(beneficiary) { try frame.charge(25_000) }
        if !rules.eip3529 && !state.hasSelfDestructed(address) { state.addRefund(24_000) }
        if rules.cancun && !state.createdInTransaction(address) {
            if beneficiary != address {
                state.subtractBalance(address, balance)
                state.addBalance(beneficiary, balance)
            }
            return
        }
        state.addBalance(beneficiary, balance)
        state.selfDestruct(address)
    }
}
