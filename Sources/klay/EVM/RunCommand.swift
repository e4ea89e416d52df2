import ArgumentParser
import Foundation
import KlayEVM
import KlayPrimitives
import KlayState
import KlayStorage
import KlayTypes

/// `klay evm run`: executes code in a fresh state, like geth's `evm run`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute EVM code and print its output, gas used and error.",
        discussion: "The code runs as a contract at 0x…c0de called by 0x…ca11e with the given input, value and gas."
    )

    @Option(help: "The code, as hex.")
    var code: String

    @Option(help: "Call data, as hex.")
    var input: String = ""

    @Option(help: "Gas for the call.")
    var gas: UInt64 = 10_000_000

    @Option(help: "Value sent with the call (decimal).")
    var value: String = "0"

    @Option(help: "Which ladder: ethereum or klaytn.")
    var rules: RulesOption = .ethereum

    @Option(help: "Fork on that ladder (Ethereum: Istanbul…Cancun; Klaytn: genesis, istanbul, london, ethTxType, magma, kore, shanghai, cancun).")
    var fork: String?

    @Flag(help: "Print one line per executed opcode to stderr.")
    var trace = false

    @Flag(help: "Repeat the call for about a second and print the time per run.")
    var bench = false

    static let contract = Address(word: 0xc0de)
    static let caller = Address(word: 0xca11e)

    func run() throws {
        let code = try Hex.decode(self.code)
        let input = try Hex.decode(self.input)
        let value = try UInt256(decimal: self.value)
        let rules = try selectedRules()
        let gas = self.gas
        let trace = self.trace
        let outcome = try LargeStack.run { () -> Result<(CallResult, Double?), Error> in
            Result { try Self.execute(code: code, input: input, value: value, gas: gas, rules: rules, trace: trace) }
        }.get()
        let (result, _) = outcome
        var fields: [(key: String, value: JSONValue)] = [
            ("output", .string(Hex.encode(result.output))), ("gasUsed", .number(String(gas - result.gasLeft))),
            ("error", result.error.map { .string($0.description) } ?? .null),
        ]
        if bench {
            let seconds = LargeStack.run { Self.timePerRun(code: code, input: input, value: value, gas: gas, rules: rules) }
            fields.append(("secondsPerRun", .number(String(format: "%.9f", seconds))))
        }
        print(JSONValue.object(fields).serialized())
    }

    func selectedRules() throws -> EVMRules {
        switch rules {
        case .ethereum:
            guard let name = fork else { return .ethereum(.cancun) }
            guard let fork = EVMRules.EthereumFork.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                throw ValidationError("unknown Ethereum fork \(name)")
            }
            return .ethereum(fork)
        case .klaytn:
            guard let name = fork else { return .klaytn(.cancun) }
            guard let fork = EVMRules.KlaytnFork.allCases.first(where: { "\($0)".lowercased() == name.lowercased() }) else {
                throw ValidationError("unknown Klaytn fork \(name)")
            }
            return .klaytn(fork)
        }
    }

    /// A machine with the contract deployed and the caller funded.
    static func machine(code: [UInt8], value: UInt256, rules: EVMRules) throws -> EVM {
        let state = StateDB(backend: try TrieStateBackend(store: MemoryStore(), encoding: rules.isKlaytn ? .klaytn : .ethereum))
        state.beginTransaction(warmAddresses: [caller, contract])
        let codeInfo = CodeInfo(vmVersion: rules.istanbul ? 1 : 0)
        state.createAccount(contract, Account.smartContract(codeInfo: codeInfo))
        state.setCode(contract, code, codeInfo: codeInfo)
        state.addBalance(caller, value)
        let block = BlockContext(coinbase: .zero, number: 1, time: 1, gasLimit: rules.isKlaytn ? 0 : 30_000_000, baseFee: .zero,
                                 difficultyOrRandom: .one, chainID: rules.isKlaytn ? 8217 : 1, blockHash: { _ in .zero })
        return EVM(rules: rules, block: block, transaction: TransactionContext(origin: caller, gasPrice: .zero, feePayer: caller), state: state)
    }

    static func execute(code: [UInt8], input: [UInt8], value: UInt256, gas: UInt64, rules: EVMRules, trace: Bool) throws -> (CallResult, Double?) {
        let evm = try machine(code: code, value: value, rules: rules)
        if trace { evm.tracer = StderrTracer() }
        return (evm.call(caller: caller, address: contract, input: input, gas: gas, value: value), nil)
    }

    static func timePerRun(code: [UInt8], input: [UInt8], value: UInt256, gas: UInt64, rules: EVMRules) -> Double {
        let clock = ContinuousClock()
        var runs = 0
        var elapsed: Duration = .zero
        while elapsed < .seconds(1) {
            guard let evm = try? machine(code: code, value: value, rules: rules) else { return .nan }
            let start = clock.now
            _ = evm.call(caller: caller, address: contract, input: input, gas: gas, value: value)
            elapsed += clock.now - start
            runs += 1
        }
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) + Double(attoseconds) * 1e-18) / Double(runs)
    }
}

/// Writes one line per opcode to standard error.
final class StderrTracer: Tracer {
    func step(_ step: TraceStep) {
        let line = "depth=\(step.depth) pc=\(step.pc) op=\(step.opcodeName) gas=\(step.gas) cost=\(step.gasCost) stack=\(step.stack.suffix(4).map(\.hexString))\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
