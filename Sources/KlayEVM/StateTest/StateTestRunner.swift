import KlayPrimitives
import KlayState
import KlayStorage
import KlayTypes

/// The outcome of one (test, fork, data/gas/value) combination.
public struct StateTestResult: Sendable {
    public var name: String
    public var fork: String
    public var index: (data: Int, gas: Int, value: Int)
    public var pass: Bool
    public var stateRoot: Hash
    public var logsHash: Hash
    /// Why the transaction was rejected or failed, if it was.
    public var error: String?
}

/// Runs state tests: builds the pre-state, applies the transaction as the chain would, and compares
/// the post-state root and the logs hash with the expectation.
public enum StateTestRunner {
    /// Runs every expectation of `test` under `fork`'s label with `rules`.
    /// A `tracer` receives every executed opcode. As in Klaytn's own harness, the computation-cost limit
    /// is lifted (the tests were filled without it).
    public static func run(_ test: StateTest, fork: String, rules: EVMRules, chainID: UInt64 = 1,
                           tracer: (any Tracer)? = nil) -> [StateTestResult] {
        var unlimited = rules
        unlimited.computationLimit = .max
        return (test.post[fork] ?? []).map { run(test, fork: fork, expectation: $0, rules: unlimited, chainID: chainID, tracer: tracer) }
    }

    static func run(_ test: StateTest, fork: String, expectation: StateTest.Expectation, rules: EVMRules, chainID: UInt64,
                    tracer: (any Tracer)?) -> StateTestResult {
        var result = StateTestResult(name: test.name, fork: fork,
                                     index: (expectation.dataIndex, expectation.gasIndex, expectation.valueIndex),
                                     pass: false, stateRoot: .zero, logsHash: .zero, error: nil)
        do {
            let state = StateDB(backend: try TrieStateBackend(store: MemoryStore(), encoding: rules.isKlaytn ? .klaytn : .ethereum))
            loadPreState(test.pre, into: state, rules: rules)
            try state.commit()
            let environment = test.environment
            // Klaytn: no block gas limit (GASLIMIT reads 0) and, from Magma, the lower-bound base fee.
            let klaytnBaseFee: UInt256 = rules.magma ? 25_000_000_000 : .zero
            let block = BlockContext(
                coinbase: environment.coinbase, number: environment.number, time: environment.timestamp,
                gasLimit: rules.isKlaytn ? 0 : environment.gasLimit,
                baseFee: rules.isKlaytn ? klaytnBaseFee : environment.baseFee ?? .zero,
                difficultyOrRandom: rules.prevRandao ? (rules.isKlaytn ? .zero : environment.random ?? .zero) : environment.difficulty,
                chainID: UInt256(chainID),
                blockHash: { number in Keccak256.hash(Array(String(number).utf8)) })
            let message = try Message(test.transaction, expectation: expectation)
            let outcome = TransactionApplier.apply(message, block: block, state: state, rules: rules, tracer: tracer)
            // The reference harnesses add a zero reward after the transaction: go-ethereum to the coinbase,
            // Klaytn to the block's rewardbase (the zero address in tests).
            state.touchAccount(rules.isKlaytn ? TransactionApplier.klaytnRewardbase : environment.coinbase)
            state.endTransaction(deleteEmptyAccounts: true)
            result.logsHash = state.logs.rlpHash
            result.stateRoot = try state.commit()
            switch outcome {
            case .rejected(let reason):
                result.error = reason
                // Klaytn's re-filled tests predate `expectException`: an invalid transaction only has to leave the root.
                result.pass = (expectation.expectsException || rules.isKlaytn) && result.stateRoot == expectation.stateRoot
            case .executed(let executed):
                result.error = executed.error?.description
                result.pass = !expectation.expectsException && result.stateRoot == expectation.stateRoot
                    && result.logsHash == expectation.logsHash
            }
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    /// Writes the pre-state. Every account with code or storage holds contract fields (a storage root);
    /// on Klaytn that is what its harness does too (`SetCode`/`SetState` on a new address make a smart
    /// contract account, of vmVersion 0); the others are EOAs.
    static func loadPreState(_ pre: [(Address, StateTest.PreAccount)], into state: StateDB, rules: EVMRules) {
        state.beginTransaction()
        for (address, account) in pre {
            let isContract = !account.code.isEmpty || !account.storage.isEmpty
            let codeInfo = CodeInfo(vmVersion: rules.isKlaytn ? 0 : rules.newContractVMVersion)
            if isContract {
                state.createAccount(address, .smartContract(nonce: account.nonce, balance: account.balance, codeInfo: codeInfo))
                if !account.code.isEmpty { state.setCode(address, account.code, codeInfo: codeInfo) }
            } else {
                state.createAccount(address, .externallyOwned(nonce: account.nonce, balance: account.balance))
            }
            for (slot, value) in account.storage where !value.isZero { state.setStorage(address, slot, value) }
        }
        state.endTransaction(deleteEmptyAccounts: false)
    }
}

/// A transaction reduced to what execution needs, built from a state test's template.
struct Message {
    var sender: Address
    var to: Address?
    var nonce: UInt64
    var gasLimit: UInt64
    /// nil when the template's value does not fit 256 bits.
    var value: UInt256?
    var data: [UInt8]
    var gasPrice: UInt256?
    var maxFeePerGas: UInt256?
    var maxPriorityFeePerGas: UInt256?
    var accessList: [AccessListEntry]?
    var blobHashes: [Hash]
    var isBlobTransaction: Bool

    init(_ template: StateTest.TransactionTemplate, expectation: StateTest.Expectation) throws {
        guard expectation.dataIndex < template.data.count, expectation.gasIndex < template.gasLimits.count,
              expectation.valueIndex < template.values.count else {
            throw StateTestError.malformed("post indexes out of range")
        }
        sender = template.secretKey.address
        to = template.to
        nonce = template.nonce
        gasLimit = template.gasLimits[expectation.gasIndex]
        value = template.values[expectation.valueIndex]
        data = template.data[expectation.dataIndex]
        gasPrice = template.gasPrice
        maxFeePerGas = template.maxFeePerGas
        maxPriorityFeePerGas = template.maxPriorityFeePerGas
        accessList = expectation.dataIndex < template.accessLists.count ? template.accessLists[expectation.dataIndex] : nil
        blobHashes = template.blobVersionedHashes
        isBlobTransaction = template.isBlobTransaction
    }

    /// The transaction type the message stands for (for intrinsic gas).
    var transaction: Transaction {
        var tx = Transaction(type: maxFeePerGas != nil ? .ethereumDynamicFee : accessList != nil ? .ethereumAccessList : .legacy)
        tx.to = to
        tx.input = data
        tx.accessList = accessList ?? []
        return tx
    }
}
