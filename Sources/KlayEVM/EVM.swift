
import KlayPrecompiles
import KlayPrimitives
import KlayState
import KlayTypes

/// The Ethereum Virtual Machine with Klaytn's rules: message calls and contract creation over a
/// ``StateDB``, one instance per transaction.
///
/// Design (the hot path): code runs in ``run(_:)``, one loop with a `switch` over the opcode byte that
/// Swift compiles to a jump table — no per-opcode function pointers, closures or existentials. The
/// stack is a 1 024-slot buffer of inline ``UInt256`` values taken from a pool (no allocation per
/// push or per frame after warm-up), memory one growable byte array per frame, and the opcode facts
/// (static gas, Klaytn's computation cost, stack bounds) flat arrays indexed by the opcode, built once
/// per rule set. Static gas and stack bounds are checked from those arrays before the `switch`; the
/// dynamic part is charged inside each instruction. JUMPDEST analysis is cached per code hash. The
/// tracer hook is a generic parameter, so the untraced loop is compiled without it.
public final class EVM {
    public let rules: EVMRules
    let table: OpcodeTable
    public var block: BlockContext
    public var transaction: TransactionContext
    public let state: StateDB
    /// Klaytn's computation cost used so far in this transaction (spec/evm.md §3).
    public internal(set) var computationUsed: UInt64 = 0
    /// The current call depth (0 outside any call).
    var depth = 0
    var jumpDestinationCache: [Hash: JumpDestinations] = [:]
    var stackPool: [UnsafeMutablePointer<UInt256>] = []
    /// Receives a struct log per executed opcode when set.
    public var tracer: (any Tracer)?
    /// The old VM-test mode (go-ethereum's and Klaytn's `NoRecursion`): calls inside a frame succeed at once
    /// without running, creations only derive and create the account, and value is not moved.
    var noRecursion = false
    /// The output of the last REVERT, handed from the loop to its caller.
    var revertOutput: [UInt8] = []
    let precompiles: PrecompileSet
    /// Klaytn: the map contracts deployed before the Istanbul-compatible fork see.
    let legacyPrecompiles: PrecompileSet

    public static let maximumDepth = 1024
    public static let maximumCodeSize = 24_576
    public static let maximumInitCodeSize = 49_152

    public init(rules: EVMRules, block: BlockContext, transaction: TransactionContext, state: StateDB) {
        self.rules = rules
        table = OpcodeTable.cached(for: rules)
        self.block = block
        self.transaction = transaction
        self.state = state
        state.keepsRIPEMDTouch = rules.chain == .ethereum
        precompiles = Self.precompileSet(for: rules, legacyCaller: false)
        legacyPrecompiles = Self.precompileSet(for: rules, legacyCaller: true)
    }

    deinit {
        for stack in stackPool { stack.deallocate() }
    }

    func takeStack() -> UnsafeMutablePointer<UInt256> {
        stackPool.popLast() ?? UnsafeMutablePointer<UInt256>.allocate(capacity: 1024)
    }

    func returnStack(_ stack: UnsafeMutablePointer<UInt256>) { stackPool.append(stack) }

    func jumpDestinations(code: [UInt8], hash: Hash?) -> JumpDestinations {
        guard let hash else { return JumpDestinations(code: code) }
        if let cached = jumpDestinationCache[hash] { return cached }
        let analysis = JumpDestinations(code: code)
        jumpDestinationCache[hash] = analysis
        return analysis
    }

    /// Whether `address` is in Klaytn's reserved precompile range 0x01…0x3ff.
    static func isReservedPrecompileAddress(_ address: Address) -> Bool {
        address.withUnsafeBytes { bytes in
            bytes.prefix(18).allSatisfy { $0 == 0 } && (bytes[18] != 0 || bytes[19] != 0) && bytes[18] <= 3
        }
    }

    // MARK: Message calls

    /// CALL: runs the code at `address` with `value` moved from `caller`.
    public func call(caller: Address, address: Address, input: [UInt8], gas: UInt64, value: UInt256, isStatic: Bool = false) -> CallResult {
        if let early = refusal(gas: gas, caller: caller, value: noRecursion ? .zero : value) { return early }
        let precompile = precompile(at: address, caller: caller)
        if rules.isKlaytn && Self.isReservedPrecompileAddress(address) && (precompile == nil || !value.isZero) {
            return CallResult(output: [], gasLeft: gas, error: .reservedPrecompileAddress)
        }
        let snapshot = state.snapshot()
        if !state.exists(address) {
            if precompile == nil && value.isZero {
                // Nothing to run and nothing to create (EIP-158): success with no output.
                return CallResult(output: [], gasLeft: gas, error: nil)
            }
            if rules.isKlaytn && precompile != nil {
                // Klaytn creates an (empty, so short-lived) smart contract account at the precompile.
                state.createAccount(address, .smartContract(nonce: 0, codeHash: Account.emptyCodeHash,
                                                            codeInfo: CodeInfo(vmVersion: rules.newContractVMVersion)))
            } else {
                state.touchAccount(address)
            }
        }
        transfer(from: caller, to: address, value: value)
        return runTarget(precompile, codeAddress: address, address: address, caller: caller, value: value,
                   input: input, gas: gas, isStatic: isStatic, snapshot: snapshot)
    }

    /// CALLCODE: runs the code at `codeAddress` on the caller's own account, with `value` "sent" to itself.
    public func callCode(caller: Address, codeAddress: Address, input: [UInt8], gas: UInt64, value: UInt256, isStatic: Bool) -> CallResult {
        if let early = refusal(gas: gas, caller: caller, value: value) { return early }
        return runTarget(precompile(at: codeAddress, caller: caller), codeAddress: codeAddress, address: caller, caller: caller,
                   value: value, input: input, gas: gas, isStatic: isStatic, snapshot: state.snapshot())
    }

    /// DELEGATECALL: runs the code at `codeAddress` in the current frame's context (address, caller, value).
    public func delegateCall(frameAddress: Address, frameCaller: Address, frameValue: UInt256, codeAddress: Address,
                             input: [UInt8], gas: UInt64, isStatic: Bool) -> CallResult {
        if let early = refusal(gas: gas, caller: frameCaller, value: .zero) { return early }
        return runTarget(precompile(at: codeAddress, caller: frameCaller), codeAddress: codeAddress, address: frameAddress,
                   caller: frameCaller, value: frameValue, input: input, gas: gas, isStatic: isStatic, snapshot: state.snapshot())
    }

    /// STATICCALL: a call that may not change state.
    public func staticCall(caller: Address, address: Address, input: [UInt8], gas: UInt64) -> CallResult {
        if let early = refusal(gas: gas, caller: caller, value: .zero) { return early }
        let snapshot = state.snapshot()
        // A zero-value touch, as the reference does (it matters for EIP-158 deletion).
        state.addBalance(address, .zero)
        return runTarget(precompile(at: address, caller: caller), codeAddress: address, address: address, caller: caller,
                   value: .zero, input: input, gas: gas, isStatic: true, snapshot: snapshot)
    }

    /// The answer to a call that does not start: at once in the VM-test mode, past the depth limit, or
    /// without the balance for `value` — all with the gas handed back.
    func refusal(gas: UInt64, caller: Address, value: UInt256) -> CallResult? {
        if noRecursion && depth > 0 { return CallResult(output: [], gasLeft: gas, error: nil) }
        if depth > Self.maximumDepth { return CallResult(output: [], gasLeft: gas, error: .depthExceeded) }
        if !value.isZero && state.balance(caller) < value {
            return CallResult(output: [], gasLeft: gas, error: .insufficientBalance)
        }
        return nil
    }

    /// Runs `precompile`, or else the code at `codeAddress` in the context (`address`, `caller`, `value`),
    /// reverting to `snapshot` if it fails.
    func runTarget(_ precompile: Precompile?, codeAddress: Address, address: Address, caller: Address, value: UInt256,
             input: [UInt8], gas: UInt64, isStatic: Bool, snapshot: StateDB.Snapshot) -> CallResult {
        let result: CallResult
        if let precompile {
            result = runPrecompile(precompile, input: input, gas: gas)
        } else {
            let code = runnableCode(at: codeAddress)
            if code.isEmpty { return CallResult(output: [], gasLeft: gas, error: nil) }
            result = execute(address: address, caller: caller, value: value, input: input, code: code,
                             codeHash: state.codeHash(codeAddress), gas: gas, isStatic: isStatic)
        }
        return finish(result, revertingTo: snapshot)
    }

    /// The code a call to `address` runs: on Klaytn only smart contract accounts run code.
    func runnableCode(at address: Address) -> [UInt8] {
        if rules.isKlaytn, state.account(address)?.kind != .smartContract { return [] }
        return state.code(address)
    }

    /// Reverts state for a failed frame and burns its gas unless it reverted.
    func finish(_ result: CallResult, revertingTo snapshot: StateDB.Snapshot) -> CallResult {
        guard let error = result.error else { return result }
        state.revert(to: snapshot)
        var failed = result
        if !error.returnsGas { failed.gasLeft = 0 }
        return failed
    }

    /// Moves `value`; a zero value still touches the recipient (EIP-158 may then delete it if empty).
    func transfer(from sender: Address, to recipient: Address, value: UInt256) {
        if noRecursion { return }
        if value.isZero {
            state.touchAccount(recipient)
            return
        }
        state.subtractBalance(sender, value)
        state.addBalance(recipient, value)
    }

    /// Runs `code` in a new frame one level deeper.
    func execute(address: Address, caller: Address, value: UInt256, input: [UInt8], code: [UInt8], codeHash: Hash?,
                 gas: UInt64, isStatic: Bool) -> CallResult {
        var frame = Frame(address: address, caller: caller, value: value, input: input, code: code,
                          jumpDestinations: jumpDestinations(code: code, hash: codeHash), isStatic: isStatic, gas: gas)
        depth += 1
        defer { depth -= 1 }
        let (output, error) = tracer == nil ? run(&frame, tracing: Untraced.self) : run(&frame, tracing: Traced.self)
        return CallResult(output: output, gasLeft: frame.gas, error: error)
    }
}
