import KlayPrimitives
import KlayState
import KlayTypes

/// The interpreter loop (see ``EVM``'s doc comment for the design).
extension EVM {
    /// Runs `frame` to its end and returns the output and the error, if any. On REVERT the output is the
    /// revert data and the error ``ExecutionError/executionReverted``.
    func run<Mode: TraceMode>(_ frame: inout Frame, tracing: Mode.Type) -> (output: [UInt8], error: ExecutionError?) {
        let stack = takeStack()
        defer { returnStack(stack) }
        var output: [UInt8] = []
        do {
            output = try frame.code.withUnsafeBufferPointer { code throws(ExecutionError) -> [UInt8] in
                try interpret(&frame, code: code, stack: stack, tracing: Mode.self)
            }
            if Mode.isEnabled { tracer?.frameEnded(gasLeft: frame.gas, error: nil) }
            return (output, nil)
        } catch .executionReverted {
            if Mode.isEnabled { tracer?.frameEnded(gasLeft: frame.gas, error: .executionReverted) }
            return (revertOutput, .executionReverted)
        } catch {
            if Mode.isEnabled { tracer?.frameEnded(gasLeft: frame.gas, error: error) }
            return ([], error)
        }
    }

    @inline(__always)
    private func interpret<Mode: TraceMode>(_ frame: inout Frame, code: UnsafeBufferPointer<UInt8>,
                                            stack: UnsafeMutablePointer<UInt256>, tracing: Mode.Type) throws(ExecutionError) -> [UInt8] {
        let table = self.table
        let checks = table.checks
        let codeCount = code.count
        let isKlaytn = rules.isKlaytn
        let limit = rules.computationLimit
        var sp = 0
        var pc = 0
        while true {
            let op = pc < codeCount ? code[pc] : 0x00
            let index = Int(op)
            // Defined, stack bounds and static gas from one packed word; the slow path names the failure.
            if Mode.isEnabled {
                try traceStep(pc: pc, op: op, frame: frame, stack: stack, sp: sp)
            }
            let check = checks[index]
            guard OpcodeChecks.admits(check, height: sp) else { throw rejection(op, stackHeight: sp) }
            try frame.charge(OpcodeChecks.gas(check))
            if isKlaytn {
                computationUsed &+= table.computation[index]
                guard computationUsed <= limit else { throw .computationCostLimitReached }
            }

            switch op {
            case 0x00:  // STOP
                return []
            case 0x01:  // ADD
                stack[sp - 2] = stack[sp - 1] &+ stack[sp - 2]
                sp -= 1
            case 0x02:  // MUL
                stack[sp - 2] = stack[sp - 1] &* stack[sp - 2]
                sp -= 1
            case 0x03:  // SUB
                stack[sp - 2] = stack[sp - 1] &- stack[sp - 2]
                sp -= 1
            case 0x04:  // DIV
                stack[sp - 2] = stack[sp - 1] / stack[sp - 2]
                sp -= 1
            case 0x05:  // SDIV
                stack[sp - 2] = stack[sp - 1].signedDivided(by: stack[sp - 2])
                sp -= 1
            case 0x06:  // MOD
                stack[sp - 2] = stack[sp - 1] % stack[sp - 2]
                sp -= 1
            case 0x07:  // SMOD
                stack[sp - 2] = stack[sp - 1].signedRemainder(dividingBy: stack[sp - 2])
                sp -= 1
            case 0x08:  // ADDMOD
                stack[sp - 3] = stack[sp - 1].addMod(stack[sp - 2], modulus: stack[sp - 3])
                sp -= 2
            case 0x09:  // MULMOD
                stack[sp - 3] = stack[sp - 1].mulMod(stack[sp - 2], modulus: stack[sp - 3])
                sp -= 2
            case 0x0a:  // EXP
                try frame.charge((rules.eip160 ? 50 : 10) * UInt64(stack[sp - 2].byteLength))
                stack[sp - 2] = stack[sp - 1].power(stack[sp - 2])
                sp -= 1
            case 0x0b:  // SIGNEXTEND
                stack[sp - 2] = stack[sp - 2].signExtended(fromByte: stack[sp - 1])
                sp -= 1
            case 0x10:  // LT
                stack[sp - 2] = stack[sp - 1] < stack[sp - 2] ? .one : .zero
                sp -= 1
            case 0x11:  // GT
                stack[sp - 2] = stack[sp - 1] > stack[sp - 2] ? .one : .zero
                sp -= 1
            case 0x12:  // SLT
                stack[sp - 2] = stack[sp - 1].signedLessThan(stack[sp - 2]) ? .one : .zero
                sp -= 1
            case 0x13:  // SGT
                stack[sp - 2] = stack[sp - 1].signedGreaterThan(stack[sp - 2]) ? .one : .zero
                sp -= 1
            case 0x14:  // EQ
                stack[sp - 2] = stack[sp - 1] == stack[sp - 2] ? .one : .zero
                sp -= 1
            case 0x15:  // ISZERO
                stack[sp - 1] = stack[sp - 1].isZero ? .one : .zero
            case 0x16:  // AND
                stack[sp - 2] = stack[sp - 1] & stack[sp - 2]
                sp -= 1
            case 0x17:  // OR
                stack[sp - 2] = stack[sp - 1] | stack[sp - 2]
                sp -= 1
            case 0x18:  // XOR
                stack[sp - 2] = stack[sp - 1] ^ stack[sp - 2]
                sp -= 1
            case 0x19:  // NOT
                stack[sp - 1] = ~stack[sp - 1]
            case 0x1a:  // BYTE
                stack[sp - 2] = stack[sp - 2].byte(at: stack[sp - 1])
                sp -= 1
            case 0x1b:  // SHL
                stack[sp - 2] = stack[sp - 2].shiftedLeft(by: stack[sp - 1])
                sp -= 1
            case 0x1c:  // SHR
                stack[sp - 2] = stack[sp - 2].shiftedRight(by: stack[sp - 1])
                sp -= 1
            case 0x1d:  // SAR
                stack[sp - 2] = stack[sp - 2].arithmeticShiftedRight(by: stack[sp - 1])
                sp -= 1
            case 0x20:  // SHA3
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: stack[sp - 2])
                let size = stack[sp - 2].intValue ?? 0
                try frame.charge(6 * UInt64((size + 31) / 32))
                let digest = frame.memory.withUnsafeBytes { raw in
                    Keccak256.hash(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]))
                }
                stack[sp - 2] = UInt256(digest)
                sp -= 1
            case 0x30:  // ADDRESS
                stack[sp] = UInt256(frame.address)
                sp += 1
            case 0x31:  // BALANCE
                let address = Address(word: stack[sp - 1])
                try chargeAccountAccess(address, frame: &frame)
                stack[sp - 1] = state.balance(address)
            case 0x32:  // ORIGIN
                stack[sp] = UInt256(transaction.origin)
                sp += 1
            case 0x33:  // CALLER
                stack[sp] = UInt256(frame.caller)
                sp += 1
            case 0x34:  // CALLVALUE
                stack[sp] = frame.value
                sp += 1
            case 0x35:  // CALLDATALOAD
                stack[sp - 1] = Self.word(of: frame.input, at: stack[sp - 1])
            case 0x36:  // CALLDATASIZE
                stack[sp] = UInt256(UInt64(frame.input.count))
                sp += 1
            case 0x37:  // CALLDATACOPY
                let (offset, size) = try copyCost(&frame, memoryOffset: stack[sp - 1], size: stack[sp - 3])
                frame.memory.copy(from: frame.input, sourceOffset: stack[sp - 2], to: offset, count: size)
                sp -= 3
            case 0x38:  // CODESIZE
                stack[sp] = UInt256(UInt64(codeCount))
                sp += 1
            case 0x39:  // CODECOPY
                let (offset, size) = try copyCost(&frame, memoryOffset: stack[sp - 1], size: stack[sp - 3])
                frame.memory.copy(from: frame.code, sourceOffset: stack[sp - 2], to: offset, count: size)
                sp -= 3
            case 0x3a:  // GASPRICE
                stack[sp] = transaction.gasPrice
                sp += 1
            case 0x3b:  // EXTCODESIZE
                let address = Address(word: stack[sp - 1])
                try chargeAccountAccess(address, frame: &frame)
                stack[sp - 1] = UInt256(UInt64(state.codeSize(address)))
            case 0x3c:  // EXTCODECOPY
                let address = Address(word: stack[sp - 1])
                try chargeAccountAccess(address, frame: &frame)
                let (offset, size) = try copyCost(&frame, memoryOffset: stack[sp - 2], size: stack[sp - 4])
                frame.memory.copy(from: state.code(address), sourceOffset: stack[sp - 3], to: offset, count: size)
                sp -= 4
            case 0x3d:  // RETURNDATASIZE
                stack[sp] = UInt256(UInt64(frame.returnData.count))
                sp += 1
            case 0x3e:  // RETURNDATACOPY
                let (end, overflow) = stack[sp - 2].addingReportingOverflow(stack[sp - 3])
                guard !overflow, let last = end.intValue, last <= frame.returnData.count else { throw .returnDataOutOfBounds }
                let (offset, size) = try copyCost(&frame, memoryOffset: stack[sp - 1], size: stack[sp - 3])
                frame.memory.copy(from: frame.returnData, sourceOffset: stack[sp - 2], to: offset, count: size)
                sp -= 3
            case 0x3f:  // EXTCODEHASH
                let address = Address(word: stack[sp - 1])
                if !(isKlaytn && rules.cancun) { try chargeAccountAccess(address, frame: &frame) }
                if isKlaytn && !rules.cancun {
                    stack[sp - 1] = UInt256(state.codeHash(address))
                } else {
                    stack[sp - 1] = state.isEmpty(address) ? .zero : UInt256(state.codeHash(address))
                }
            case 0x40:  // BLOCKHASH
                let requested = stack[sp - 1]
                let current = block.number
                if let number = requested.uint64Value, number < current, current - number <= 256 {
                    stack[sp - 1] = UInt256(block.blockHash(number))
                } else {
                    stack[sp - 1] = .zero
                }
            case 0x41:  // COINBASE
                stack[sp] = UInt256(block.coinbase)
                sp += 1
            case 0x42:  // TIMESTAMP
                stack[sp] = UInt256(block.time)
                sp += 1
            case 0x43:  // NUMBER
                stack[sp] = UInt256(block.number)
                sp += 1
            case 0x44:  // DIFFICULTY / PREVRANDAO
                stack[sp] = block.difficultyOrRandom
                sp += 1
            case 0x45:  // GASLIMIT
                stack[sp] = UInt256(block.gasLimit)
                sp += 1
            case 0x46:  // CHAINID
                stack[sp] = block.chainID
                sp += 1
            case 0x47:  // SELFBALANCE
                stack[sp] = state.balance(frame.address)
                sp += 1
            case 0x48:  // BASEFEE
                stack[sp] = block.baseFee
                sp += 1
            case 0x49:  // BLOBHASH
                let index = stack[sp - 1].intValue
                if let index, index < transaction.blobHashes.count {
                    stack[sp - 1] = UInt256(transaction.blobHashes[index])
                } else {
                    stack[sp - 1] = .zero
                }
            case 0x4a:  // BLOBBASEFEE
                stack[sp] = block.blobBaseFee
                sp += 1
            case 0x50:  // POP
                sp -= 1
            case 0x51:  // MLOAD
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: 32)
                stack[sp - 1] = frame.memory.word(at: offset)
            case 0x52:  // MSTORE
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: 32)
                frame.memory.setWord(stack[sp - 2], at: offset)
                sp -= 2
            case 0x53:  // MSTORE8
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: 1)
                frame.memory.setByte(UInt8(truncatingIfNeeded: stack[sp - 2].limbs.0), at: offset)
                sp -= 2
            case 0x54:  // SLOAD
                let slot = stack[sp - 1]
                if rules.eip2929 {
                    try frame.charge(state.warm(frame.address, slot: slot) ? 2100 : 100)
                }
                stack[sp - 1] = state.storage(frame.address, slot)
            case 0x55:  // SSTORE
                guard !frame.isStatic else { throw .writeProtection }
                try storeStorage(slot: stack[sp - 1], value: stack[sp - 2], frame: &frame)
                sp -= 2
            case 0x56:  // JUMP
                guard frame.jumpDestinations.contains(stack[sp - 1]) else { throw .invalidJump }
                pc = stack[sp - 1].intValue!
                sp -= 1
                continue
            case 0x57:  // JUMPI
                if !stack[sp - 2].isZero {
                    guard frame.jumpDestinations.contains(stack[sp - 1]) else { throw .invalidJump }
                    pc = stack[sp - 1].intValue!
                    sp -= 2
                    continue
                }
                sp -= 2
            case 0x58:  // PC
                stack[sp] = UInt256(UInt64(pc))
                sp += 1
            case 0x59:  // MSIZE
                stack[sp] = UInt256(UInt64(frame.memory.count))
                sp += 1
            case 0x5a:  // GAS
                stack[sp] = UInt256(frame.gas)
                sp += 1
            case 0x5b:  // JUMPDEST
                break
            case 0x5c:  // TLOAD
                stack[sp - 1] = state.transientStorage(frame.address, stack[sp - 1])
            case 0x5d:  // TSTORE
                guard !frame.isStatic else { throw .writeProtection }
                state.setTransientStorage(frame.address, stack[sp - 1], stack[sp - 2])
                sp -= 2
            case 0x5e:  // MCOPY
                let size = stack[sp - 3]
                let target = try frame.expandMemory(offset: stack[sp - 1], size: size)
                let source = try frame.expandMemory(offset: stack[sp - 2], size: size)
                let count = size.intValue ?? 0
                try frame.charge(3 * UInt64((count + 31) / 32))
                frame.memory.move(from: source, to: target, count: count)
                sp -= 3
            case 0x5f:  // PUSH0
                stack[sp] = .zero
                sp += 1
            case 0x60...0x7f:  // PUSH1…PUSH32
                let count = index - 0x5f
                stack[sp] = Self.pushValue(code, at: pc + 1, count: count)
                sp += 1
                pc &+= count
            case 0x80...0x8f:  // DUP1…DUP16
                stack[sp] = stack[sp - (index - 0x7f)]
                sp += 1
            case 0x90...0x9f:  // SWAP1…SWAP16
                let other = sp - 1 - (index - 0x8f)
                let top = stack[sp - 1]
                stack[sp - 1] = stack[other]
                stack[other] = top
            case 0xa0...0xa4:  // LOG0…LOG4
                guard !frame.isStatic else { throw .writeProtection }
                let topicCount = index - 0xa0
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: stack[sp - 2])
                let size = stack[sp - 2].intValue ?? 0
                try frame.charge(8 * UInt64(size))
                var topics: [Hash] = []
                topics.reserveCapacity(topicCount)
                for i in 0..<topicCount { topics.append(Hash(word: stack[sp - 3 - i])) }
                state.addLog(Log(address: frame.address, topics: topics, data: frame.memory.slice(offset, size)))
                sp -= 2 + topicCount
            case 0xf0, 0xf5:  // CREATE, CREATE2
                guard !frame.isStatic else { throw .writeProtection }
                let value = stack[sp - 1]
                let offset = try frame.expandMemory(offset: stack[sp - 2], size: stack[sp - 3])
                let size = stack[sp - 3].intValue ?? 0
                let words = UInt64((size + 31) / 32)
                if rules.shanghai {
                    guard size <= Self.maximumInitCodeSize else { throw .outOfGas }
                    try frame.charge(2 * words)
                }
                let salt: UInt256? = op == 0xf5 ? stack[sp - 4] : nil
                if salt != nil { try frame.charge(6 * words) }
                let initCode = frame.memory.slice(offset, size)
                let callGas = rules.eip150 ? frame.gas - frame.gas / 64 : frame.gas
                frame.gas -= callGas
                let result = create(caller: frame.address, initCode: initCode, gas: callGas, value: value, salt: salt)
                if Mode.isEnabled { tracer?.calleeReturned(sent: callGas, returned: result.gasLeft) }
                frame.gas += result.gasLeft
                sp -= op == 0xf5 ? 3 : 2
                stack[sp - 1] = result.error == nil ? UInt256(result.createdAddress ?? .zero) : .zero
                frame.returnData = result.error == .executionReverted ? result.output : []
            case 0xf1, 0xf2, 0xf4, 0xfa:  // CALL, CALLCODE, DELEGATECALL, STATICCALL
                try callOpcode(op, frame: &frame, stack: stack, sp: &sp, tracing: Mode.self)
            case 0xf3:  // RETURN
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: stack[sp - 2])
                return frame.memory.slice(offset, stack[sp - 2].intValue ?? 0)
            case 0xfd:  // REVERT
                let offset = try frame.expandMemory(offset: stack[sp - 1], size: stack[sp - 2])
                revertOutput = frame.memory.slice(offset, stack[sp - 2].intValue ?? 0)
                throw .executionReverted
            case 0xff:  // SELFDESTRUCT
                guard !frame.isStatic else { throw .writeProtection }
                try selfDestruct(beneficiary: Address(word: stack[sp - 1]), frame: &frame)
                return []
            default:
                throw .invalidOpcode(op)
            }
            pc &+= 1
        }
    }

    /// Why an instruction failed its packed checks, in the order the rules name them: undefined
    /// opcode, then stack underflow, then overflow.
    @inline(never)
    func rejection(_ op: UInt8, stackHeight sp: Int) -> ExecutionError {
        let index = Int(op)
        if !table.defined[index] { return .invalidOpcode(op) }
        if sp < table.minimumStack[index] { return .stackUnderflow(stackLength: sp, required: table.minimumStack[index]) }
        return .stackOverflow(stackLength: sp, limit: table.maximumStack[index])
    }

    /// The 32-byte word of `data` at `offset`, zero-padded past its end (CALLDATALOAD).
    static func word(of data: [UInt8], at offset: UInt256) -> UInt256 {
        guard let start = offset.intValue, start < data.count else { return .zero }
        var word = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &word) { raw in
            data.withUnsafeBytes { source in
                raw.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: min(32, data.count - start))
            }
            return UInt256(bigEndian32: raw.baseAddress!)
        }
    }

    /// A PUSH immediate: `count` bytes from `start`, zero-padded past the end of the code.
    ///
    /// Each limb is one unaligned big-endian 8-byte load ending at its last byte; for the top, partial
    /// limb the load reaches back over code bytes before `start`, which are masked off. Immediates that
    /// start in the first 8 bytes or run past the end take ``paddedPushValue(_:at:count:)``.
    @inline(__always)
    static func pushValue(_ code: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> UInt256 {
        let end = start + count
        guard start >= 8, end <= code.count else { return paddedPushValue(code, at: start, count: count) }
        let last = UnsafeRawPointer(code.baseAddress! + end)
        return UInt256(limbs: (immediateLimb(last, count: count, limb: 0), immediateLimb(last, count: count, limb: 1),
                               immediateLimb(last, count: count, limb: 2), immediateLimb(last, count: count, limb: 3)))
    }

    /// Limb `limb` of the `count`-byte big-endian immediate ending just before `end`.
    @inline(__always)
    static func immediateLimb(_ end: UnsafeRawPointer, count: Int, limb: Int) -> UInt64 {
        let width = count &- 8 &* limb
        if width <= 0 { return 0 }
        let word = UInt64(bigEndian: end.loadUnaligned(fromByteOffset: -8 &* (limb &+ 1), as: UInt64.self))
        return width >= 8 ? word : word & ((1 &<< UInt64(8 &* width)) &- 1)
    }

    /// The slow path of ``pushValue(_:at:count:)``: byte by byte, zero past the end of the code.
    @inline(never)
    static func paddedPushValue(_ code: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> UInt256 {
        var value = UInt256.zero
        for i in start..<start + count {
            value = (value << 8) | UInt256(UInt64(i < code.count ? code[i] : 0))
        }
        return value
    }

    /// Memory and per-word gas of a copy into memory; returns the memory offset and the byte count.
    @inline(__always)
    func copyCost(_ frame: inout Frame, memoryOffset: UInt256, size: UInt256) throws(ExecutionError) -> (Int, Int) {
        let offset = try frame.expandMemory(offset: memoryOffset, size: size)
        let count = size.intValue ?? 0
        try frame.charge(3 * UInt64((count + 31) / 32))
        return (offset, count)
    }

    /// EIP-2929's cold-account surcharge (2 500 over the warm 100 already charged), warming the address.
    @inline(__always)
    func chargeAccountAccess(_ address: Address, frame: inout Frame) throws(ExecutionError) {
        if rules.eip2929 && state.warm(address) { try frame.charge(2500) }
    }

    /// The traced loop's hook: hands the step to the tracer (copying what it captures), and stops the
    /// frame when the tracer asks for an abort.
    func traceStep(pc: Int, op: UInt8, frame: Frame, stack: UnsafeMutablePointer<UInt256>, sp: Int) throws(ExecutionError) {
        guard let tracer else { return }
        if tracer.isAborted { throw .computationCostLimitReached }
        let capture = tracer.capture
        tracer.step(TraceStep(
            pc: pc, opcode: op, opcodeName: table.names[Int(op)], gas: frame.gas, gasCost: table.staticGas[Int(op)],
            depth: depth, address: frame.address,
            stack: capture.contains(.stack) ? Array(UnsafeBufferPointer(start: stack, count: sp)) : [],
            memory: capture.contains(.memory) ? frame.memory.slice(0, frame.memory.count) : [],
            memorySize: frame.memory.count, refund: state.refund, computationUsed: computationUsed,
            computationCost: table.computation[Int(op)]))
    }
}
