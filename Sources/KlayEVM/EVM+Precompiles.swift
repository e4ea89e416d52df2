import KlayPrecompiles
import KlayPrimitives
import KlayState
import KlayTypes

/// Which precompile a call reaches, and running it with its gas and Klaytn computation cost.
extension EVM {
    /// The precompile at `address` for a call made by `caller`: on Klaytn a contract deployed before
    /// the Istanbul-compatible fork (vmVersion 0) always sees the genesis map (spec/evm.md §5.1).
    func precompile(at address: Address, caller: Address) -> Precompile? {
        guard address.withUnsafeBytes({ $0.prefix(18).allSatisfy { $0 == 0 } }) else { return nil }
        if rules.isKlaytn, let vmVersion = state.account(caller)?.vmVersion, vmVersion == 0 {
            return legacyPrecompiles.precompile(at: address)
        }
        return precompiles.precompile(at: address)
    }

    /// Runs a precompile with `gas`: out of gas if it costs more; its computation cost is added
    /// without a limit check (the next opcode checks it).
    func runPrecompile(_ precompile: Precompile, input: [UInt8], gas: UInt64) -> CallResult {
        let required = precompile.requiredGas(input)
        if rules.isKlaytn {
            computationUsed &+= precompile.computationCost(input, gas: required)
        }
        guard gas >= required else { return CallResult(output: [], gasLeft: 0, error: .outOfGas) }
        let context = PrecompileContext(feePayer: transaction.feePayer, accountKey: { [state] in state.key($0) },
                                        istanbul: rules.istanbul)
        switch precompile.run(input, context: context) {
        case .success(let output): return CallResult(output: output, gasLeft: gas - required, error: nil)
        case .failure(let error): return CallResult(output: [], gasLeft: 0, error: .precompile(error.message))
        }
    }

    /// The precompile map of the current rules.
    static func precompileSet(for rules: EVMRules, legacyCaller: Bool) -> PrecompileSet {
        switch rules.chain {
        case .klaytn:
            return .klaytn(istanbul: rules.istanbul, kore: rules.eip2929, cancun: rules.cancun, callerVMVersion0: legacyCaller)
        case .ethereum:
            return .ethereum(fork: rules.cancun ? .cancun : rules.eip2929 ? .berlin : .istanbul)
        }
    }
}
