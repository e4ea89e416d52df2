import KlayChain
import KlayEVM
import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// The `debug` namespace: struct-logger traces of transactions, blocks and calls, block RLP, and the
/// methods answered as not supported.
@Suite struct DebugTests {
    static func number(_ value: JSONValue?) -> UInt64? {
        if case .number(let text)? = value { return UInt64(text) }
        return nil
    }

    static func logs(_ result: JSONValue) -> [JSONValue] {
        if case .array(let items)? = result["structLogs"] { return items }
        return []
    }

    @Test func traceTransactionMatchesTheReceipt() async throws {
        let (fixture, counter) = try await ExecutionTests.deployed()
        let gasLimit: UInt64 = 200_000
        let hash = try ExecutionTests.send(fixture, to: counter, input: ExecutionCounter.increment(by: 2), nonce: 1, gas: gasLimit)
        let receipt = try #require(try fixture.services.chain.chainStore.receipt(transactionHash: hash)).receipt
        let result = try await fixture.call("debug_traceTransaction", [.string(hash.hex)])
        #expect(Self.number(result["gas"]) == receipt.gasUsed)
        #expect(result["failed"] == .bool(false))
        #expect(result["returnValue"] == .string(String(Hex.encode(UInt256(42).bigEndianBytes).dropFirst(2))))
        let logs = Self.logs(result)
        #expect(logs.count > 20)
        #expect(logs.first?["op"] == .string("PUSH0"))
        #expect(logs.first?["pc"] == .integer(0))
        #expect(logs.first?["depth"] == .integer(1))
        #expect(logs.first?["stack"] == .array([]))
        #expect(logs.first?["memory"] == .array([]))
        #expect(logs.first?["storage"] == .object([]))
        // Intrinsic gas: 21 000 + 36 bytes × 100.
        #expect(Self.number(logs.first?["gas"]) == gasLimit - 24_600)
        // Each step's gas minus its cost is the next step's gas (the counter makes no calls).
        for (step, next) in zip(logs, logs.dropFirst()) {
            #expect(Self.number(step["gas"])! - Self.number(step["gasCost"])! == Self.number(next["gas"])!)
        }
        // What is left after the last step is what the receipt did not use (no refund here).
        let last = try #require(logs.last)
        #expect(gasLimit - (Self.number(last["gas"])! - Self.number(last["gasCost"])!) == receipt.gasUsed)
        #expect(last["op"] == .string("RETURN"))
        // The SSTORE's log and those after it show the written slot.
        let stored = try #require(logs.first { $0["op"] == .string("SSTORE") })
        #expect(stored["storage"] == .object([(key: String(Hash(word: UInt256(1)).hex.dropFirst(2)),
                                               value: .string(String(Hash(word: UInt256(42)).hex.dropFirst(2))))]))
        #expect(Self.number(stored["computationCost"]).map { $0 > 0 } == true)
        #expect(Self.number(logs.first?["computation"]) == 150_000_000)
    }

    @Test func traceOptionsAndLimit() async throws {
        let (fixture, counter) = try await ExecutionTests.deployed()
        let hash = try ExecutionTests.send(fixture, to: counter, input: ExecutionCounter.increment(by: 2), nonce: 1)
        let config = JSONValue.object([("disableStack", .bool(true)), ("DISABLEMEMORY", .bool(true)),
                                       ("disableStorage", .bool(true)), ("limit", .integer(5))])
        let result = try await fixture.call("debug_traceTransaction", [.string(hash.hex), config])
        let logs = Self.logs(result)
        #expect(logs.count == 5)
        #expect(logs.allSatisfy { $0["stack"] == nil && $0["memory"] == nil && $0["storage"] == nil })
        await #expect(throws: RPCError.server("not supported yet: tracer \"callTracer\"")) {
            try await fixture.call("debug_traceTransaction", [.string(hash.hex), .object([("tracer", .string("callTracer"))])])
        }
        await #expect(throws: RPCError.invalidParams(
            "invalid argument 1: json: cannot unmarshal string into Go struct field TraceConfig.LogConfig.Limit of type int")) {
            try await fixture.call("debug_traceTransaction", [.string(hash.hex), .object([("limit", .string("5"))])])
        }
    }

    @Test func revertedTransactionIsFailed() async throws {
        let (fixture, counter) = try await ExecutionTests.deployed()
        let hash = try ExecutionTests.send(fixture, to: counter, input: ExecutionCounter.increment(by: 0), nonce: 1)
        let result = try await fixture.call("debug_traceTransaction", [.string(hash.hex)])
        #expect(result["failed"] == .bool(true))
        #expect(result["returnValue"] == .string(""))
        #expect(Self.logs(result).last?["op"] == .string("REVERT"))
        #expect(Self.logs(result).last?["error"] == nil)
    }

    @Test func unknownTransactionAndParamErrors() async throws {
        let (fixture, _) = try await ExecutionTests.deployed()
        let missing = Hash(word: UInt256(77))
        await #expect(throws: RPCError.server("transaction \(missing.hex.dropFirst(2)) not found")) {
            try await fixture.call("debug_traceTransaction", [.string(missing.hex)])
        }
        await #expect(throws: RPCError.invalidParams("invalid argument 0: hex string has length 2, want 64 for common.Hash")) {
            try await fixture.call("debug_traceTransaction", [.string("0x12")])
        }
        await #expect(throws: RPCError.invalidParams("missing value for required argument 0")) {
            try await fixture.call("debug_traceTransaction", [])
        }
    }

    @Test func traceBlocksAndCalls() async throws {
        let (fixture, counter) = try await ExecutionTests.deployed()
        let hash = try ExecutionTests.send(fixture, to: counter, input: ExecutionCounter.increment(by: 2), nonce: 1)
        let head = fixture.services.chain.head
        let byNumber = try await fixture.call("debug_traceBlockByNumber", [.string("latest")])
        let byHash = try await fixture.call("debug_traceBlockByHash", [.string(head.hash.hex)])
        let rlp = try await fixture.call("debug_getBlockRlp", [.string("latest")])
        guard case .string(let hex) = rlp else { Issue.record("no rlp"); return }
        #expect(!hex.hasPrefix("0x"))
        let block = try Block(encoded: try Hex.decode(hex))
        #expect(block.hash == head.hash)
        let byRLP = try await fixture.call("debug_traceBlock", [.string("0x" + hex)])
        guard case .array(let items) = byNumber else { Issue.record("not an array"); return }
        #expect(items.count == 1)
        #expect(items[0]["txHash"] == .string(hash.hex))
        #expect(byHash == byNumber)
        #expect(byRLP == byNumber)
        let single = try await fixture.call("debug_traceTransaction", [.string(hash.hex)])
        #expect(items[0]["result"] == single)

        let call = ExecutionTests.args(("to", .data(counter.bytes)), ("data", .data(ExecutionCounter.valueSelector)))
        let traced = try await fixture.call("debug_traceCall", [call, .string("latest")])
        #expect(traced["returnValue"] == .string(String(Hex.encode(UInt256(42).bigEndianBytes).dropFirst(2))))
        #expect(Self.logs(traced).count > 0)

        await #expect(throws: RPCError.server("block #99 not found")) {
            try await fixture.call("debug_getBlockRlp", [.string("0x63")])
        }
        await #expect(throws: RPCError.server("genesis is not traceable")) {
            try await fixture.call("debug_traceBlockByNumber", [.string("0x0")])
        }
        do {
            _ = try await fixture.call("debug_traceBlock", [.string("0x01")])
            Issue.record("not a block")
        } catch let error as RPCError {
            #expect(error.message.hasPrefix("could not decode block: rlp: "))
        }
    }

    @Test func unsupportedAndRefused() async throws {
        let (fixture, _) = try await ExecutionTests.deployed()
        for name in ["memStats", "startCPUProfile", "verbosity", "setVMLogTarget", "printBlock"] {
            await #expect(throws: RPCError.server("not supported yet: debug_\(name)")) {
                try await fixture.call("debug_\(name)", [.integer(1)])
            }
        }
        await #expect(throws: RPCError.server("Cannot rewind to future")) {
            try await fixture.call("debug_setHead", [.string("0x64")])
        }
        await #expect(throws: RPCError.server("not supported: blocks are final under Istanbul BFT, so the head cannot be rewound")) {
            try await fixture.call("debug_setHead", [.string("0x0")])
        }
    }
}
