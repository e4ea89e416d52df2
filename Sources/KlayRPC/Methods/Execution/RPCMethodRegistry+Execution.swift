import KlayChain
import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the message calls that are not transactions (`klaytn:api/api_public_blockchain.go`,
    /// `api/api_ethereum.go`): `klay_call`, `eth_call` (with state overrides), `klay_estimateGas`,
    /// `eth_estimateGas`, `klay_estimateComputationCost` and its `eth_` alias (spec/rpc.md §3.2: not in
    /// Klaytn, offered because clients call it). `gasCap` is `--rpc.gascap` (0 = none) and `timeout`
    /// `--rpc.evmtimeout` (nil = none).
    ///
    /// `klay_createAccessList`/`eth_createAccessList` are not registered: Klaytn fills the arguments with
    /// the transaction-sending defaults (pool nonce, suggested price, an estimate) and iterates an
    /// access-list tracer, which this node does not have yet.
    public func registerExecutionMethods(_ node: NodeServices, gasCap: UInt64 = 0, timeout: Duration? = .seconds(5)) {
        let executor = CallExecutor(chain: node.chain, gasCap: gasCap, timeout: timeout)

        register("klay", "call") { params throws(RPCError) in
            let (arguments, selector) = try params.decode(.callArgs, .blockNumberOrHash)
            return try Self.answer(executor, arguments, at: try node.requireHeader(selector))
        }
        register("eth", "call") { params throws(RPCError) in
            let (arguments, selector, overrides) = try params.decode(.ethTransactionArgs, .blockNumberOrHash, .stateOverrides)
            return try Self.answer(executor, arguments, at: try node.requireHeader(selector), overrides: overrides)
        }

        register("klay", "estimateGas") { params throws(RPCError) in
            let (arguments) = try params.decode(.callArgs)
            let head = node.chain.head
            return .quantity(try Self.estimate(executor, arguments, feeCap: arguments.gasPrice ?? .zero, balanceAt: head))
        }
        register("eth", "estimateGas") { params throws(RPCError) in
            let (arguments, selector) = try params.decode(.ethTransactionArgs, .optional(.blockNumberOrHash))
            if arguments.gasPrice != nil && (arguments.maxFeePerGas != nil || arguments.maxPriorityFeePerGas != nil) {
                throw .server("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
            }
            let header = try node.requireHeader(selector ?? RPCBlockNumberOrHash(blockNumber: .latest))
            let feeCap = arguments.gasPrice ?? arguments.maxFeePerGas ?? .zero
            return .quantity(try Self.estimate(executor, arguments, feeCap: feeCap, balanceAt: header))
        }

        for namespace in ["klay", "eth"] {
            register(namespace, "estimateComputationCost") { params throws(RPCError) in
                let (arguments, selector) = try params.decode(.callArgs, .blockNumberOrHash)
                return .quantity(try Self.outcome(executor, arguments, at: try node.requireHeader(selector)).computationCost)
            }
        }
    }

    /// `Call`: the return data, the revert error, or the failure's text.
    private static func answer(_ executor: CallExecutor, _ arguments: CallArguments, at header: Header,
                               overrides: [(address: Address, override: StateOverride)] = []) throws(RPCError) -> JSONValue {
        let outcome = try outcome(executor, arguments, at: header, overrides: overrides)
        try throwIfFailed(outcome)
        return .data(outcome.output)
    }

    /// `DoCall`: the outcome, or the reason the message could not run as an RPC error.
    private static func outcome(_ executor: CallExecutor, _ arguments: CallArguments, at header: Header,
                                overrides: [(address: Address, override: StateOverride)] = []) throws(RPCError) -> CallOutcome {
        do {
            return try executor.call(arguments, at: header, overrides: overrides)
        } catch {
            throw .server(error.description)
        }
    }

    /// `DoEstimateGas` with its errors as RPC errors (a revert keeps code 3 and its data).
    private static func estimate(_ executor: CallExecutor, _ arguments: CallArguments, feeCap: UInt256,
                                 balanceAt header: Header) throws(RPCError) -> UInt64 {
        do {
            return try executor.estimateGas(arguments, feeCap: feeCap, balanceAt: header)
        } catch .executionFailed(let outcome) {
            try throwIfFailed(outcome)
            throw .server(CallError.executionFailed(outcome).description)
        } catch {
            throw .server(error.description)
        }
    }

    /// A failed outcome as Klaytn reports it: REVERT with data → code 3; any other failure → its
    /// receipt-status text (`evm: execution reverted` for a REVERT without data).
    private static func throwIfFailed(_ outcome: CallOutcome) throws(RPCError) {
        if let revert = outcome.revertData, !revert.isEmpty { throw RevertError.rpcError(revertData: revert) }
        if outcome.failed { throw .server(outcome.status.description) }
    }
}
