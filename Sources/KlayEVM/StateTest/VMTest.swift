import Foundation
import KlayPrimitives
import KlayState
import KlayStorage
import KlayTypes

/// One test of the old single-frame VMTests format: code run once at `exec.address` with nested calls
/// and creations not executed, then output, remaining gas, listed storage and the logs hash checked
/// (Klaytn's `tests/vm_test_util.go`; the state root is not compared).
public struct VMTest: Sendable {
    public struct Exec: Sendable {
        var address: Address
        var caller: Address
        var origin: Address
        var data: [UInt8]
        var gas: UInt64
        var gasPrice: UInt256
        var value: UInt256
    }

    public var name: String
    var environment: StateTest.Environment
    var pre: [(Address, StateTest.PreAccount)]
    var exec: Exec
    /// Expected remaining gas; nil when the execution must fail.
    var gasLeft: UInt64?
    var output: [UInt8]
    var logsHash: Hash?
    /// Expected storage of listed keys, per account.
    var post: [(Address, [(UInt256, UInt256)])]

    /// Every test in one JSON file.
    public static func load(contentsOf url: URL) throws -> [VMTest] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let tests = object as? [String: Any] else { throw StateTestError.malformed("top level is not an object") }
        return try tests.keys.sorted().map { name in
            try VMTest(name: name, json: try StateTest.object(tests[name], name))
        }
    }

    init(name: String, json: [String: Any]) throws {
        self.name = name
        let env = try StateTest.object(json["env"], "env")
        environment = StateTest.Environment(
            coinbase: try StateTest.address(env["currentCoinbase"]), number: try StateTest.uint64(env["currentNumber"]),
            timestamp: try StateTest.uint64(env["currentTimestamp"]), gasLimit: try StateTest.uint64(env["currentGasLimit"]),
            difficulty: try StateTest.quantity(env["currentDifficulty"] ?? "0x0"), random: nil, baseFee: nil, excessBlobGas: nil)
        pre = try StateTest.preState(StateTest.object(json["pre"], "pre"))
        let exec = try StateTest.object(json["exec"], "exec")
        self.exec = Exec(address: try StateTest.address(exec["address"]), caller: try StateTest.address(exec["caller"]),
                         origin: try StateTest.address(exec["origin"]), data: try StateTest.bytes(exec["data"] ?? "0x"),
                         gas: try StateTest.uint64(exec["gas"]), gasPrice: try StateTest.quantity(exec["gasPrice"] ?? "0x0"),
                         value: try StateTest.quantity(exec["value"] ?? "0x0"))
        gasLeft = try json["gas"].map { try StateTest.uint64($0) }
        output = try StateTest.bytes(json["out"] ?? "0x")
        logsHash = try (json["logs"] as? String).map { try Hash(hex: $0) }
        let postObject = json["post"] as? [String: Any] ?? [:]
        post = try postObject.keys.sorted().map { key in
            let account = try StateTest.object(postObject[key], "post account")
            let storage = try StateTest.object(account["storage"] ?? [String: Any](), "storage")
            return (try StateTest.address(key), try storage.keys.sorted().map { (try StateTest.quantity($0), try StateTest.quantity(storage[$0])) })
        }
    }

    /// Runs the test under `rules` and returns nil on success or what differed.
    public func run(rules: EVMRules) -> String? {
        do {
            let state = StateDB(backend: try TrieStateBackend(store: MemoryStore(), encoding: rules.isKlaytn ? .klaytn : .ethereum))
            StateTestRunner.loadPreState(pre, into: state, rules: rules)
            try state.commit()
            let block = BlockContext(coinbase: environment.coinbase, number: environment.number, time: environment.timestamp,
                                     gasLimit: environment.gasLimit, baseFee: .zero, difficultyOrRandom: environment.difficulty,
                                     chainID: rules.isKlaytn ? 8217 : 1,
                                     blockHash: { number in Keccak256.hash(Array(String(number).utf8)) })
            var unlimited = rules
            unlimited.computationLimit = .max
            let evm = EVM(rules: unlimited, block: block,
                          transaction: TransactionContext(origin: exec.origin, gasPrice: exec.gasPrice, feePayer: exec.origin), state: state)
            evm.noRecursion = true
            state.beginTransaction()
            let result = evm.call(caller: exec.caller, address: exec.address, input: exec.data, gas: exec.gas, value: exec.value)
            guard let expectedGas = gasLeft else {
                return result.error != nil && result.gasLeft == 0 ? nil : "expected a failure, got \(result.error?.description ?? "success")"
            }
            // As the reference harness: with a stated gas only output, gas, storage and logs are compared.
            if result.output != output { return "output \(Hex.encode(result.output)), want \(Hex.encode(output))" }
            if result.gasLeft != expectedGas { return "gas left \(result.gasLeft), want \(expectedGas)" }
            for (address, storage) in post {
                for (slot, value) in storage where state.storage(address, slot) != value {
                    return "storage \(address.hex)[\(slot.hexString)] = \(state.storage(address, slot).hexString), want \(value.hexString)"
                }
            }
            if let logsHash, state.logs.rlpHash != logsHash { return "logs hash \(state.logs.rlpHash.hex), want \(logsHash.hex)" }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
