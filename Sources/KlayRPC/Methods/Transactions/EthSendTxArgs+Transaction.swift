import KlayPrimitives
import KlayTypes

/// Klaytn's `EthTransactionArgs.setDefaults` and `toTransaction` (`klaytn:api/tx_args.go`).
extension EthSendTxArgs {
    /// Estimates the gas of the arguments (an `EthTransactionArgs` JSON object) at the pending block:
    /// `eth_estimateGas`'s algorithm, which Klaytn runs when `gas` is absent.
    typealias GasEstimator = @Sendable (JSONValue) async throws(RPCError) -> UInt64

    /// Fills fees (legacy price before the EthTxType fork or when `gasPrice` is given, else EIP-1559
    /// tip and cap), value, nonce, gas (estimated) and chain id, with Klaytn's checks and texts.
    mutating func fillDefaults(_ defaults: TxDefaults, estimateGas: GasEstimator) async throws(RPCError) {
        if gasPrice != nil && (maxFeePerGas != nil || maxPriorityFeePerGas != nil) {
            throw .server("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
        }
        let magma = defaults.node.chain.head.baseFee != nil
        let suggested = defaults.suggestedPrice
        if let cap = maxFeePerGas, let tip = maxPriorityFeePerGas {
            if magma {
                if cap < suggested >> 1 {
                    throw .server("maxFeePerGas (\(GoNumberText.hex(cap))) < BaseFee (\(GoNumberText.decimal(suggested)))")
                }
            } else if cap < tip {
                throw .server("maxFeePerGas (\(GoNumberText.hex(cap))) < maxPriorityFeePerGas (\(GoNumberText.hex(tip)))")
            }
        } else if defaults.ethTxTypeAtHead && gasPrice == nil {
            let tip = maxPriorityFeePerGas ?? suggested
            maxPriorityFeePerGas = tip
            let cap = maxFeePerGas ?? (magma ? suggested : tip)
            maxFeePerGas = cap
            try SendTxArgs.checkDynamicFee(tip: tip, cap: cap, suggested: suggested, magma: magma)
        } else {
            if maxFeePerGas != nil || maxPriorityFeePerGas != nil {
                throw .server("maxFeePerGas or maxPriorityFeePerGas specified but london is not active yet")
            }
            if gasPrice == nil { gasPrice = suggested }
        }
        if value == nil { value = .zero }
        if nonce == nil { nonce = defaults.pendingNonce(of: sender) }
        if let data, let input, data != input {
            throw .server(#"both "data" and "input" are set and not equal. Please use "input" to pass transaction call data"#)
        }
        if to == nil && payload.isEmpty { throw .server("contract creation without any data provided") }
        if gas == nil { gas = try await estimateGas(estimationJSON) }
        if chainID == nil { chainID = UInt256(defaults.chainID) }
    }

    /// The unsigned transaction: EIP-1559 when a fee cap is set, EIP-2930 when an access list is,
    /// legacy otherwise.
    func transaction() -> Transaction {
        var tx: Transaction
        if let maxFeePerGas {
            tx = Transaction(type: .ethereumDynamicFee)
            tx.gasPrice = maxFeePerGas
            tx.gasTipCap = maxPriorityFeePerGas ?? .zero
            tx.accessList = accessList ?? []
            tx.chainIDField = chainID ?? .zero
        } else if let accessList {
            tx = Transaction(type: .ethereumAccessList)
            tx.gasPrice = gasPrice ?? .zero
            tx.accessList = accessList
            tx.chainIDField = chainID ?? .zero
        } else {
            tx = Transaction(type: .legacy)
            tx.gasPrice = gasPrice ?? .zero
        }
        tx.nonce = nonce ?? 0
        tx.gas = gas ?? 0
        tx.to = to
        tx.value = value ?? .zero
        tx.input = payload
        return tx
    }
}
