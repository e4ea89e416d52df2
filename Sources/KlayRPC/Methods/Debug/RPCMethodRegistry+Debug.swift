import KlayChain
import KlayChainStore
import KlayEVM
import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the `debug` namespace (`klaytn:node/cn/tracers/api.go`, `api/api_public_debug.go`,
    /// `api/api_private_debug.go`): the struct-logger tracers `debug_traceTransaction`,
    /// `debug_traceBlockByNumber`, `debug_traceBlockByHash`, `debug_traceBlock`, `debug_traceBadBlock`
    /// and `debug_traceCall`; `debug_getBlockRlp`; `debug_setHead`, refused; and every other known
    /// method (``UnsupportedDebugMethods``) answering `not supported yet: <method>`.
    ///
    /// Traces re-execute the block on a copy of its parent's state (``Blockchain/replay(_:tracing:makeTracer:)``).
    public func registerDebugMethods(_ node: NodeServices) {
        let chain = node.chain

        register("debug", "traceTransaction") { params throws(RPCError) in
            let (hash, config) = try params.decode(.hash, .traceConfig)
            if let refusal = config?.unsupportedTracer { throw refusal }
            guard let found = try? chain.chainStore.transaction(hash: hash),
                  let block = try? chain.chainStore.block(hash: found.location.blockHash) else {
                throw .server("transaction \(hash.hex.dropFirst(2)) not found")
            }
            let index = found.location.index
            return try Self.trace(block, indices: index..<(index + 1), config: config ?? TraceConfig(), chain: chain) { result throws(RPCError) in
                switch result.outcome {
                case .success(let value): return value
                case .failure(let error): throw RPCError.server("tracing failed: \(error)")
                }
            }[0]
        }
        register("debug", "traceBlockByNumber") { params throws(RPCError) in
            let (number, config) = try params.decode(.blockNumber, .traceConfig)
            let header = try node.requireHeader(number)
            return try Self.traceWholeBlock(try Self.block(header, chain: chain), config: config, chain: chain)
        }
        register("debug", "traceBlockByHash") { params throws(RPCError) in
            let (hash, config) = try params.decode(.hash, .traceConfig)
            let header = try node.requireHeader(hash: hash)
            return try Self.traceWholeBlock(try Self.block(header, chain: chain), config: config, chain: chain)
        }
        register("debug", "traceBlock") { params throws(RPCError) in
            let (encoded, config) = try params.decode(.bytes, .traceConfig)
            return try Self.traceWholeBlock(try Self.decodeBlock(encoded), config: config, chain: chain)
        }
        register("debug", "traceBadBlock") { params throws(RPCError) in
            // Blocks that fail import are refused before they are stored: there are no bad blocks to trace.
            let (hash, config) = try params.decode(.hash, .traceConfig)
            if let refusal = config?.unsupportedTracer { throw refusal }
            throw .server("bad block \(hash.hex.dropFirst(2)) not found")
        }
        register("debug", "traceCall") { params throws(RPCError) in
            let (arguments, selector, config) = try params.decode(.callArgs, .blockNumberOrHash, .traceConfig)
            if let refusal = config?.unsupportedTracer { throw refusal }
            let header = try node.requireHeader(selector)
            let limit = chain.processor.rules(at: header.number.uint64Value ?? .max).evm.computationLimit
            let logger = StructLogger(config: config ?? TraceConfig(), computationLimit: limit)
            let outcome = try Self.traceCall(arguments, at: header, tracer: logger, chain: chain)
            return logger.result(gasUsed: outcome.gasUsed, failed: outcome.failed, returnData: outcome.returnData)
        }

        register("debug", "getBlockRlp") { params throws(RPCError) in
            let (selector) = try params.decode(.blockNumberOrHash)
            guard let header = try? node.requireHeader(selector), let block = try? chain.chainStore.block(hash: header.hash) else {
                let name = selector.blockHash.map(\.hex) ?? "#\((selector.blockNumber ?? .latest).rawValue)"
                throw .server("block \(name) not found")
            }
            return .string(String(Hex.encode(block.encoded).dropFirst(2)))
        }
        register("debug", "setHead") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            if number.height.map({ $0 > (chain.head.number.uint64Value ?? 0) }) ?? true {
                throw .server("Cannot rewind to future")
            }
            throw .server("not supported: blocks are final under Istanbul BFT, so the head cannot be rewound")
        }

        for name in UnsupportedDebugMethods.names {
            register("debug", name) { _ throws(RPCError) in throw .server("not supported yet: debug_\(name)") }
        }
    }

    /// `debug_traceBlock`'s block, with Klaytn's `could not decode block: …`.
    private static func decodeBlock(_ encoded: [UInt8]) throws(RPCError) -> Block {
        do {
            return try Block(encoded: encoded)
        } catch {
            switch error {
            case .malformed(let reason): throw .server("could not decode block: \(reason)")
            case .transaction(_, let reason): throw .server("could not decode block: \(reason)")
            }
        }
    }

    /// `TraceCall`'s execution with `tracer`, its failures as RPC errors.
    private static func traceCall(_ arguments: CallArguments, at header: Header, tracer: any Tracer,
                                  chain: Blockchain) throws(RPCError) -> CallOutcome {
        do {
            return try CallExecutor(chain: chain).trace(arguments, at: header, tracer: tracer)
        } catch {
            throw .server(error.description)
        }
    }

    /// The stored block with `header`.
    private static func block(_ header: Header, chain: Blockchain) throws(RPCError) -> Block {
        guard let block = try? chain.chainStore.block(hash: header.hash) else {
            throw .server("the block does not exist (block hash: \(header.hash.hex))")
        }
        return block
    }

    /// `traceBlock`: one `{txHash, result}` (or `{txHash, error}`) per transaction.
    private static func traceWholeBlock(_ block: Block, config: TraceConfig?, chain: Blockchain) throws(RPCError) -> JSONValue {
        if let refusal = config?.unsupportedTracer { throw refusal }
        let results = try trace(block, indices: 0..<block.transactions.count, config: config ?? TraceConfig(), chain: chain) { result in
            let hash = ("txHash", JSONValue.string(result.hash.hex))
            switch result.outcome {
            case .success(let value): return .object([hash, ("result", value)])
            case .failure(let error): return .object([hash, ("error", .string(error.description))])
            }
        }
        return .array(results)
    }

    /// One traced transaction: its hash and its struct-logger result, or why it could not be applied.
    private struct TracedTransaction {
        let hash: Hash
        let outcome: Result<JSONValue, TransactionError>
    }

    /// Replays `block` with a struct logger on each transaction in `indices` and shapes each result.
    private static func trace(_ block: Block, indices: Range<Int>, config: TraceConfig, chain: Blockchain,
                              shape: (TracedTransaction) throws(RPCError) -> JSONValue) throws(RPCError) -> [JSONValue] {
        let limit = chain.processor.rules(at: block.number).evm.computationLimit
        var loggers: [StructLogger] = []
        let outcomes: [Result<StateTransition.Outcome, TransactionError>]
        do {
            outcomes = try chain.replay(block, tracing: indices) { _ in
                let logger = StructLogger(config: config, computationLimit: limit)
                loggers.append(logger)
                return logger
            }
        } catch {
            throw .server(error.description)
        }
        var shaped: [JSONValue] = []
        for (offset, outcome) in outcomes.enumerated() {
            let result = outcome.map { value in
                loggers[offset].result(gasUsed: value.gasUsed, failed: !value.status.isSuccess,
                                       returnData: value.status.isSuccess ? value.output : [])
            }
            shaped.append(try shape(TracedTransaction(hash: block.transactions[indices.lowerBound + offset].hash, outcome: result)))
        }
        return shaped
    }
}
