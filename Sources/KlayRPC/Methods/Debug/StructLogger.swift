import KlayChain
import KlayEVM
import KlayPrimitives
import KlayTypes

/// Klaytn's default tracer (`klaytn:blockchain/vm/logger.go` `StructLogger`, formatted by
/// `api/api_public_blockchain.go` `FormatLogs`): one struct log per executed opcode with the gas before
/// it, its full cost, the depth, the stack, memory (after the opcode's expansion) and the storage the
/// frame's contract has written so far, and Klaytn's computation budget left and the opcode's
/// computation cost.
///
/// The cost of an opcode is known once it ran: the gas before it minus the gas before the next opcode
/// of its frame (or at the frame's end), corrected for a callee's gas — CALL-family costs include the
/// gas handed on, CREATE-family costs do not, as in Klaytn. A step that fails its checks or its gas
/// carries an `error`, which Klaytn writes as `{}` (a Go error value has no exported fields).
final class StructLogger: Tracer {
    private struct Entry {
        var pc: Int
        var op: String
        var gas: UInt64
        var gasCost: UInt64
        var depth: Int
        var failed = false
        var stack: [UInt256]?
        var memory: [UInt8]?
        var unexpandedMemoryCount = 0
        var storage: [UInt256: UInt256]?
        var computation: UInt64
        var computationCost: UInt64
    }

    /// The last step of a running frame, whose cost is not known yet.
    private struct OpenStep {
        var entry: Int?
        var gas: UInt64
        var staticGas: UInt64
        var opcode: UInt8
        /// Gas the step got back from (or, for creations, sent to) a callee, to add to its cost.
        var calleeAdjustment: Int64 = 0
    }

    private let config: TraceConfig
    private let computationLimit: UInt64
    private var entries: [Entry] = []
    private var open: [OpenStep] = []
    private var storage: [Address: [UInt256: UInt256]] = [:]

    /// A logger with `config`'s options for a run whose computation-cost limit is `computationLimit`.
    init(config: TraceConfig, computationLimit: UInt64) {
        self.config = config
        self.computationLimit = computationLimit
    }

    var capture: TraceCapture { config.disableMemory ? .stack : [.stack, .memory] }

    func step(_ step: TraceStep) {
        let depthIndex = step.depth - 1
        if depthIndex < open.count { close(at: depthIndex, gasAfter: step.gas) }
        var pending = OpenStep(entry: nil, gas: step.gas, staticGas: step.gasCost, opcode: step.opcode)
        if config.limit == 0 || entries.count < config.limit {
            if step.opcode == 0x55, step.stack.count >= 2 {
                storage[step.address, default: [:]][step.stack[step.stack.count - 1]] = step.stack[step.stack.count - 2]
            }
            var entry = Entry(pc: step.pc, op: step.opcodeName, gas: step.gas, gasCost: 0, depth: step.depth,
                              computation: computationLimit &- step.computationUsed, computationCost: step.computationCost)
            if !config.disableStack { entry.stack = step.stack }
            if !config.disableMemory {
                var memory = step.memory
                entry.unexpandedMemoryCount = memory.count
                if let end = Self.memoryEnd(step.opcode, stack: step.stack), end > memory.count {
                    memory += [UInt8](repeating: 0, count: (end + 31) / 32 * 32 - memory.count)
                }
                entry.memory = memory
            }
            if !config.disableStorage { entry.storage = storage[step.address] ?? [:] }
            pending.entry = entries.count
            entries.append(entry)
        }
        if depthIndex < open.count { open[depthIndex] = pending } else { open.append(pending) }
    }

    func calleeReturned(sent: UInt64, returned: UInt64) {
        guard var last = open.popLast() else { return }
        let creates = last.opcode == 0xf0 || last.opcode == 0xf5
        last.calleeAdjustment = creates ? Int64(returned) - Int64(sent) : Int64(returned)
        open.append(last)
    }

    func frameEnded(gasLeft: UInt64, error: ExecutionError?) {
        guard !open.isEmpty else { return }
        let index = open.count - 1
        let step = open[index]
        close(at: index, gasAfter: gasLeft)
        if let error, Self.isCheckFailure(error), let entry = step.entry {
            entries[entry].failed = true
            if error == .outOfGas { entries[entry].gasCost = max(entries[entry].gasCost, step.staticGas) }
            if let memory = entries[entry].memory { entries[entry].memory = Array(memory.prefix(entries[entry].unexpandedMemoryCount)) }
        }
        open.removeLast()
    }

    /// Fixes the cost of the open step at `index` now that the frame's gas after it is known.
    private func close(at index: Int, gasAfter: UInt64) {
        let step = open[index]
        guard let entry = step.entry else { return }
        let cost = Int64(bitPattern: step.gas &- gasAfter) &+ step.calleeAdjustment
        entries[entry].gasCost = UInt64(max(0, cost))
    }

    /// Failures Klaytn's interpreter meets before it logs the step (checks and gas), which it logs with
    /// the error; failures while the opcode runs (REVERT, a bad jump, …) leave the log without one.
    private static func isCheckFailure(_ error: ExecutionError) -> Bool {
        switch error {
        case .outOfGas, .invalidOpcode, .stackUnderflow, .stackOverflow, .computationCostLimitReached, .gasUintOverflow: true
        default: false
        }
    }

    /// The memory end an opcode expands to (Klaytn expands before logging), from its stack operands;
    /// nil when it does not touch memory, touches none, or names a size beyond any gas.
    static func memoryEnd(_ op: UInt8, stack: [UInt256]) -> Int? {
        func operand(_ depth: Int) -> UInt256 { stack.count >= depth ? stack[stack.count - depth] : .zero }
        func end(_ offset: UInt256, _ size: UInt256) -> Int? {
            guard !size.isZero, let start = offset.uint64Value, let count = size.uint64Value,
                  start <= 0x1_0000_0000, count <= 0x1_0000_0000 else { return nil }
            return Int(start + count)
        }
        switch op {
        case 0x20, 0xa0...0xa4, 0xf3, 0xfd: return end(operand(1), operand(2))
        case 0x37, 0x39, 0x3e: return end(operand(1), operand(3))
        case 0x3c: return end(operand(2), operand(4))
        case 0x51, 0x52: return end(operand(1), UInt256(32))
        case 0x53: return end(operand(1), .one)
        case 0x5e: return [end(operand(1), operand(3)), end(operand(2), operand(3))].compactMap { $0 }.max()
        case 0xf0, 0xf5: return end(operand(2), operand(3))
        case 0xf1, 0xf2: return [end(operand(4), operand(5)), end(operand(6), operand(7))].compactMap { $0 }.max()
        case 0xf4, 0xfa: return [end(operand(3), operand(4)), end(operand(5), operand(6))].compactMap { $0 }.max()
        default: return nil
        }
    }

    /// Klaytn's `ExecutionResult` for a traced message: `{gas, failed, returnValue, structLogs}`, the
    /// return value as hex without `0x` (empty after a failure).
    func result(gasUsed: UInt64, failed: Bool, returnData: [UInt8]) -> JSONValue {
        .object([
            ("gas", .integer(gasUsed)),
            ("failed", .bool(failed)),
            ("returnValue", .string(String(Hex.encode(returnData).dropFirst(2)))),
            ("structLogs", .array(entries.map(Self.json))),
        ])
    }

    private static func json(_ entry: Entry) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("pc", .integer(entry.pc)), ("op", .string(entry.op)), ("gas", .integer(entry.gas)),
            ("gasCost", .integer(entry.gasCost)), ("depth", .integer(entry.depth)),
        ]
        if entry.failed { members.append(("error", .object([]))) }
        if let stack = entry.stack { members.append(("stack", .array(stack.map { .string(word($0)) }))) }
        if let memory = entry.memory {
            members.append(("memory", .array(stride(from: 0, to: memory.count - memory.count % 32, by: 32).map {
                .string(String(Hex.encode(memory[$0..<($0 + 32)]).dropFirst(2)))
            })))
        }
        if let storage = entry.storage {
            members.append(("storage", .object(storage.sorted { $0.key < $1.key }.map { (word($0.key), .string(word($0.value))) })))
        }
        members.append(("computation", .integer(entry.computation)))
        members.append(("computationCost", .integer(entry.computationCost)))
        return .object(members)
    }

    /// A 32-byte word as 64 hex digits without `0x`.
    private static func word(_ value: UInt256) -> String { String(Hex.encode(value.bigEndianBytes).dropFirst(2)) }
}
