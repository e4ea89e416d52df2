import KlayChain
import KlayEVM
import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// `klay_call`/`eth_call`, the estimates and the revert error over the in-process node, with the Vyper
/// counter deployed through the pool.
@Suite struct ExecutionTests {
    /// A node with the counter (start 40) deployed by account 0 in block 1.
    static func deployed() async throws -> (NodeFixture, Address) {
        let fixture = try NodeFixture { registry, services in
            registry.registerExecutionMethods(services)
            registry.registerDebugMethods(services)
        }
        let owner = fixture.keys[0]
        var deploy = Transaction(type: .legacy)
        deploy.gasPrice = ChainWorkload.gasPrice
        deploy.gas = 1_000_000
        deploy.input = ExecutionCounter.deployment(start: 40)
        deploy.sign(with: owner, chainID: NodeFixture.chainID)
        _ = try fixture.services.pool.add([deploy], local: true)[0].get()
        try fixture.produceBlock()
        return (fixture, EVM.createAddress(caller: owner.address, nonce: 0))
    }

    /// Sends `input` to `to` from account 0 with `nonce` and `gas`, in a new block; returns the hash.
    static func send(_ fixture: NodeFixture, to: Address, input: [UInt8], nonce: UInt64, gas: UInt64 = 200_000) throws -> Hash {
        var tx = Transaction(type: .legacy)
        tx.nonce = nonce
        tx.gasPrice = ChainWorkload.gasPrice
        tx.gas = gas
        tx.to = to
        tx.input = input
        tx.sign(with: fixture.keys[0], chainID: NodeFixture.chainID)
        let hash = try fixture.services.pool.add([tx], local: true)[0].get()
        try fixture.produceBlock()
        return hash
    }

    static func args(_ members: (String, JSONValue)...) -> JSONValue { .object(members.map { (key: $0.0, value: $0.1) }) }

    @Test func callReturnsData() async throws {
        let (fixture, counter) = try await Self.deployed()
        let arguments = Self.args(("to", .data(counter.bytes)), ("data", .data(ExecutionCounter.valueSelector)))
        #expect(try await fixture.call("klay_call", [arguments, .string("latest")]) == .data(UInt256(40).bigEndianBytes))
        #expect(try await fixture.call("eth_call", [arguments, .string("latest")]) == .data(UInt256(40).bigEndianBytes))
        // `input` wins over `data`.
        let both = Self.args(("to", .data(counter.bytes)), ("data", .data([0xde, 0xad])), ("input", .data(ExecutionCounter.valueSelector)))
        #expect(try await fixture.call("klay_call", [both, .string("latest")]) == .data(UInt256(40).bigEndianBytes))
    }

    @Test func revertAnswersCodeThreeWithData() async throws {
        let (fixture, counter) = try await Self.deployed()
        let arguments = Self.args(("to", .data(counter.bytes)), ("data", .data(ExecutionCounter.increment(by: 0))))
        for method in ["klay_call", "eth_call"] {
            do {
                _ = try await fixture.call(method, [arguments, .string("latest")])
                Issue.record("\(method) should revert")
            } catch let error as RPCError {
                #expect(error.code == 3)
                #expect(error.message == "execution reverted: zero step")
                guard case .string(let data)? = error.data else { Issue.record("no data"); continue }
                #expect(data.hasPrefix("0x08c379a0"))
            }
        }
        await #expect(throws: RPCError(code: 3, message: "execution reverted: zero step",
                                       data: .data(RevertErrorTests.zeroStep))) {
            try await fixture.call("klay_estimateGas", [arguments])
        }
    }

    @Test func paramErrors() async throws {
        let (fixture, counter) = try await Self.deployed()
        let arguments = Self.args(("to", .data(counter.bytes)))
        await #expect(throws: RPCError.invalidParams("missing value for required argument 1")) {
            try await fixture.call("eth_call", [arguments])
        }
        await #expect(throws: RPCError.invalidParams("too many arguments, want at most 1")) {
            try await fixture.call("klay_estimateGas", [arguments, .string("latest")])
        }
        await #expect(throws: RPCError.invalidParams(
            "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go struct field CallArgs.gas of type hexutil.Uint64")) {
            try await fixture.call("klay_call", [Self.args(("gas", .string("12"))), .string("latest")])
        }
        await #expect(throws: RPCError.invalidParams(
            "invalid argument 0: json: cannot unmarshal string into Go value of type api.CallArgs")) {
            try await fixture.call("klay_call", [.string("x"), .string("latest")])
        }
        await #expect(throws: RPCError.server("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")) {
            try await fixture.call("eth_estimateGas", [Self.args(("gasPrice", .string("0x1")), ("maxFeePerGas", .string("0x1")))])
        }
    }

    @Test func estimateMatchesTheTransaction() async throws {
        let (fixture, counter) = try await Self.deployed()
        let from = fixture.keys[0].address
        let arguments = Self.args(("from", .data(from.bytes)), ("to", .data(counter.bytes)),
                                  ("data", .data(ExecutionCounter.increment(by: 5))))
        guard case .string(let text) = try await fixture.call("klay_estimateGas", [arguments]),
              let estimate = UInt64(text.dropFirst(2), radix: 16) else { Issue.record("no estimate"); return }
        #expect(try await fixture.call("eth_estimateGas", [arguments]) == .quantity(estimate))
        #expect(try await fixture.call("eth_estimateGas", [arguments, .string("latest")]) == .quantity(estimate))
        let hash = try Self.send(fixture, to: counter, input: ExecutionCounter.increment(by: 5), nonce: 1, gas: estimate)
        let receipt = try #require(try fixture.services.chain.chainStore.receipt(transactionHash: hash))
        #expect(receipt.receipt.status == .success)
        #expect(receipt.receipt.gasUsed <= estimate)
    }

    @Test func estimateErrors() async throws {
        let (fixture, counter) = try await Self.deployed()
        let short = Self.args(("to", .data(counter.bytes)), ("gas", .string("0x61a8")), ("data", .data(ExecutionCounter.increment(by: 1))))
        await #expect(throws: RPCError.server("gas required exceeds allowance (25000)")) {
            try await fixture.call("klay_estimateGas", [short])
        }
        let pricey = Self.args(("from", .data(fixture.keys[1].address.bytes)), ("to", .data(counter.bytes)),
                               ("gasPrice", .string("0x1")), ("value", .string("0xffffffffffffffffffffffffffffff")))
        await #expect(throws: RPCError.server("insufficient funds for transfer")) {
            try await fixture.call("klay_estimateGas", [pricey])
        }
    }

    @Test func computationCostIsPositive() async throws {
        let (fixture, counter) = try await Self.deployed()
        let arguments = Self.args(("to", .data(counter.bytes)), ("data", .data(ExecutionCounter.increment(by: 1))))
        for method in ["klay_estimateComputationCost", "eth_estimateComputationCost"] {
            guard case .string(let text) = try await fixture.call(method, [arguments, .string("latest")]),
                  let cost = UInt64(text.dropFirst(2), radix: 16) else { Issue.record("no cost"); continue }
            #expect(cost > 0)
        }
    }

    @Test func ethCallStateOverride() async throws {
        let (fixture, counter) = try await Self.deployed()
        let arguments = Self.args(("to", .data(counter.bytes)), ("data", .data(ExecutionCounter.valueSelector)))
        let slot = Hash(word: UInt256(1)).hex
        let overrides = Self.args((counter.hex, Self.args(("stateDiff", Self.args((slot, .string(Hash(word: UInt256(9)).hex)))))))
        #expect(try await fixture.call("eth_call", [arguments, .string("latest"), overrides]) == .data(UInt256(9).bigEndianBytes))
        let both = Self.args((counter.hex, Self.args(("state", Self.args()), ("stateDiff", Self.args()))))
        await #expect(throws: RPCError.server("account \(counter.checksummed) has both 'state' and 'stateDiff'")) {
            try await fixture.call("eth_call", [arguments, .string("latest"), both])
        }
        // The chain is untouched.
        #expect(try await fixture.call("eth_call", [arguments, .string("latest")]) == .data(UInt256(40).bigEndianBytes))
    }

    @Test func intrinsicGasText() async throws {
        let (fixture, counter) = try await Self.deployed()
        let arguments = Self.args(("to", .data(counter.bytes)), ("gas", .string("0x5208")), ("data", .data(ExecutionCounter.valueSelector)))
        await #expect(throws: RPCError.server("intrinsic gas too low: msg.gas 21000, want 21400")) {
            try await fixture.call("klay_call", [arguments, .string("latest")])
        }
    }
}

/// Decoding `Error(string)` revert data as `abi.UnpackRevert` does.
@Suite struct RevertErrorTests {
    /// `Error("zero step")`.
    static let zeroStep: [UInt8] = [0x08, 0xc3, 0x79, 0xa0] + UInt256(32).bigEndianBytes + UInt256(9).bigEndianBytes
        + Array("zero step".utf8) + [UInt8](repeating: 0, count: 23)

    @Test func reasons() {
        #expect(RevertError.reason(Self.zeroStep) == "zero step")
        #expect(RevertError.reason([0x08, 0xc3, 0x79, 0xa0]) == nil)
        #expect(RevertError.reason([1, 2, 3, 4] + UInt256(32).bigEndianBytes) == nil)
        #expect(RevertError.reason(Array(Self.zeroStep.prefix(70))) == nil)
        #expect(RevertError.rpcError(revertData: []).message == "execution reverted")
        #expect(RevertError.rpcError(revertData: Self.zeroStep).json["data"] == .data(Self.zeroStep))
    }
}
