import KlayPrimitives
import KlayState
import KlayStorage
import KlayTypes
import Testing
@testable import KlayEVM

/// Small programs through the interpreter: results, gas and the rules' differences. (Conformance comes
/// from the state tests; these pin down behaviour while developing and explain it by example.)
@Suite struct InterpreterTests {
    static let contract = Address(lastBytesOf: Keccak256.hash([0xc0]))
    static let sender = Address(lastBytesOf: Keccak256.hash([0x5e]))

    static func machine(_ rules: EVMRules, code: [UInt8]) throws -> EVM {
        let state = StateDB(backend: try TrieStateBackend(store: MemoryStore(), encoding: rules.isKlaytn ? .klaytn : .ethereum))
        state.createAccount(contract, .smartContract(codeInfo: CodeInfo(vmVersion: 1)))
        state.setCode(contract, code, codeInfo: CodeInfo(vmVersion: 1))
        state.addBalance(sender, 1_000_000)
        let block = BlockContext(coinbase: .zero, number: 1, time: 1, gasLimit: 0, baseFee: .zero, difficultyOrRandom: .one,
                                 chainID: 1, blockHash: { _ in .zero })
        return EVM(rules: rules, block: block, transaction: TransactionContext(origin: sender, gasPrice: 1, feePayer: sender), state: state)
    }

    @Test func addsAndReturns() throws {
        // PUSH1 2 PUSH1 3 ADD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
        let code: [UInt8] = [0x60, 2, 0x60, 3, 0x01, 0x60, 0, 0x52, 0x60, 32, 0x60, 0, 0xf3]
        let evm = try Self.machine(.ethereum(.cancun), code: code)
        let result = evm.call(caller: Self.sender, address: Self.contract, input: [], gas: 100_000, value: .zero)
        #expect(result.error == nil)
        #expect(result.output == UInt256(5).bigEndianBytes)
        // 3+3+3+3+3 (memory 1 word: 3) +3+3 = 24
        #expect(100_000 - result.gasLeft == 24)
    }

    @Test func revertKeepsGasAndData() throws {
        // PUSH1 0xaa PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 REVERT
        let code: [UInt8] = [0x60, 0xaa, 0x60, 0, 0x53, 0x60, 1, 0x60, 0, 0xfd]
        let evm = try Self.machine(.ethereum(.cancun), code: code)
        let result = evm.call(caller: Self.sender, address: Self.contract, input: [], gas: 1000, value: .zero)
        #expect(result.error == .executionReverted)
        #expect(result.output == [0xaa])
        #expect(result.gasLeft == 1000 - 18)
    }

    @Test func failuresBurnGas() throws {
        let evm = try Self.machine(.ethereum(.cancun), code: [0x01])  // ADD on an empty stack
        let result = evm.call(caller: Self.sender, address: Self.contract, input: [], gas: 1000, value: .zero)
        #expect(result.error == .stackUnderflow(stackLength: 0, required: 2))
        #expect(result.gasLeft == 0)
        let jump = try Self.machine(.ethereum(.cancun), code: [0x60, 3, 0x56, 0x00])
        #expect(jump.call(caller: Self.sender, address: Self.contract, input: [], gas: 1000, value: .zero).error == .invalidJump)
        let invalid = try Self.machine(.ethereum(.cancun), code: [0xfe])
        #expect(invalid.call(caller: Self.sender, address: Self.contract, input: [], gas: 1000, value: .zero).error == .invalidOpcode(0xfe))
    }

    @Test func push0OnlyFromShanghai() throws {
        let code: [UInt8] = [0x5f, 0x00]
        #expect(try Self.machine(.ethereum(.shanghai), code: code).call(caller: Self.sender, address: Self.contract, input: [], gas: 100, value: .zero).error == nil)
        #expect(try Self.machine(.ethereum(.paris), code: code).call(caller: Self.sender, address: Self.contract, input: [], gas: 100, value: .zero).error == .invalidOpcode(0x5f))
    }

    @Test func klaytnComputationCostLimitStopsTheFrame() throws {
        // An endless loop: JUMPDEST PUSH1 0 JUMP — 10 + 120 + 253 computation per round.
        let code: [UInt8] = [0x5b, 0x60, 0, 0x56]
        let evm = try Self.machine(.klaytn(.kore), code: code)
        let result = evm.call(caller: Self.sender, address: Self.contract, input: [], gas: 100_000_000, value: .zero)
        #expect(result.error == .computationCostLimitReached)
        #expect(evm.computationUsed > 100_000_000)
        #expect(ExecutionError.computationCostLimitReached.receiptStatus == 0x0a)
    }

    @Test func sstoreGasFollowsTheRules() throws {
        // PUSH1 1 PUSH1 0 SSTORE: 0 → 1 on a cold slot.
        let code: [UInt8] = [0x60, 1, 0x60, 0, 0x55]
        let cancun = try Self.machine(.ethereum(.cancun), code: code)
        let cold = cancun.call(caller: Self.sender, address: Self.contract, input: [], gas: 100_000, value: .zero)
        #expect(100_000 - cold.gasLeft == 3 + 3 + 2100 + 20_000)
        let genesis = try Self.machine(.klaytn(.genesis), code: code)
        let petersburg = genesis.call(caller: Self.sender, address: Self.contract, input: [], gas: 100_000, value: .zero)
        #expect(100_000 - petersburg.gasLeft == 3 + 3 + 20_000)
        // EIP-2200's sentry: at most 2 300 gas left fails.
        let sentry = try Self.machine(.ethereum(.istanbul), code: code).call(caller: Self.sender, address: Self.contract, input: [], gas: 2306, value: .zero)
        #expect(sentry.error == .outOfGas)
    }

    @Test func createDerivesAddressesAndDeploysCode() throws {
        // Init code returning the one-byte runtime 0x00: PUSH1 0 PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN
        let initCode: [UInt8] = [0x60, 0, 0x60, 0, 0x53, 0x60, 1, 0x60, 0, 0xf3]
        let evm = try Self.machine(.klaytn(.cancun), code: [0x00])
        let expected = EVM.createAddress(caller: Self.sender, nonce: 0)
        let result = evm.create(caller: Self.sender, initCode: initCode, gas: 100_000, value: 5)
        #expect(result.error == nil)
        #expect(result.createdAddress == expected)
        #expect(evm.state.code(expected) == [0x00])
        #expect(evm.state.nonce(Self.sender) == 1)
        let account = try #require(evm.state.account(expected))
        #expect(account.kind == .smartContract && account.key == .fail && account.nonce == 1 && account.balance == 5)
        #expect(EVM.create2Address(caller: .zero, salt: .zero, initCodeHash: Keccak256.hash([0x00])).hex
                == "0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38")  // EIP-1014 example 0
    }

    @Test func klaytnReservedPrecompileRange() throws {
        let evm = try Self.machine(.klaytn(.cancun), code: [0x00])
        let unassigned = Address(word: 0x3fc)
        let result = evm.call(caller: Self.sender, address: unassigned, input: [], gas: 5000, value: .zero)
        #expect(result.error == .reservedPrecompileAddress)
        #expect(result.gasLeft == 5000)
        #expect(EVM.isReservedPrecompileAddress(Address(word: 0x3ff)))
        #expect(!EVM.isReservedPrecompileAddress(Address(word: 0x400)))
        #expect(!EVM.isReservedPrecompileAddress(.zero))
    }
}
