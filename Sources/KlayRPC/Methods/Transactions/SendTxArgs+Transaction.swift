import KlayPrimitives
import KlayTypes

/// Klaytn's `SendTxArgs.setDefaults`, `checkArgs` and `toTransaction` (`klaytn:api/tx_args.go`).
extension SendTxArgs {
    /// The gas limit used when `gas` is absent (Klaytn does not estimate for `SendTxArgs`).
    static let defaultGas: UInt64 = 90_000

    /// The Ethereum envelope types `0x78xx` (defined or not), which skip Klaytn's field checks.
    private static func isEthTyped(_ number: UInt16) -> Bool { number & 0xff00 == 0x7800 }

    /// Fills what the caller left out: legacy type, gas 90 000, the chain id for Ethereum typed
    /// transactions, the suggested price (or, for EIP-1559, tip and cap with Klaytn's checks), and the
    /// pool nonce of `from`.
    mutating func fillDefaults(_ defaults: TxDefaults) throws(RPCError) {
        let number = typeInt ?? TxType.legacy.rawValue
        typeInt = number
        if gas == nil { gas = Self.defaultGas }
        if Self.isEthTyped(number), chainID == nil { chainID = UInt256(defaults.chainID) }
        let dynamicFee = number == TxType.ethereumDynamicFee.rawValue
        if gasPrice == nil && !dynamicFee { gasPrice = defaults.suggestedPrice }
        if dynamicFee {
            let suggested = defaults.suggestedPrice
            let magma = defaults.nextIsMagma
            let tip = maxPriorityFeePerGas ?? suggested
            maxPriorityFeePerGas = tip
            // Before Magma the cap defaulted to tip + 2 × the zero base fee, i.e. the tip.
            let cap = maxFeePerGas ?? (magma ? suggested : tip)
            maxFeePerGas = cap
            try Self.checkDynamicFee(tip: tip, cap: cap, suggested: suggested, magma: magma)
        }
        if nonce == nil { nonce = defaults.pendingNonce(of: from) }
    }

    /// Klaytn's checks on EIP-1559 fees against the suggested price (shared with `EthTransactionArgs`).
    static func checkDynamicFee(tip: UInt256, cap: UInt256, suggested: UInt256, magma: Bool) throws(RPCError) {
        if magma {
            if cap < suggested >> 1 {
                throw .server("maxFeePerGas (\(GoNumberText.hex(cap))) < BaseFee (\(GoNumberText.decimal(suggested)))")
            }
        } else if tip != suggested || cap != suggested {
            throw .server("only \(String(suggested.hexString.dropFirst(2))) is allowed to be used as maxFeePerGas and maxPriorityPerGas")
        }
        if cap < tip {
            throw .server("maxFeePerGas (\(GoNumberText.hex(cap))) < maxPriorityFeePerGas (\(GoNumberText.hex(tip)))")
        }
    }

    /// Klaytn's name for a type number (`UndefinedTxType` outside its table).
    static func typeName(_ number: UInt16) -> String {
        if let type = TxType(rawValue: number) { return type.name }
        switch number {
        case 0x18: return "TxTypeAccountCreation"
        case 0x40: return "TxTypeBatch"
        default: return "UndefinedTxType"
        }
    }

    /// The unsigned transaction the (defaulted) arguments describe, or Klaytn's error for arguments
    /// that do not fit the type.
    func transaction() throws(RPCError) -> Transaction {
        let number = typeInt ?? TxType.legacy.rawValue
        if number == TxType.legacy.rawValue { return try legacyTransaction() }
        if Self.isEthTyped(number) { return try ethereumTypedTransaction(number) }
        try checkFields(number)
        // checkFields let only defined Klaytn types through.
        let type = TxType(rawValue: number)!
        var tx = Transaction(type: type)
        tx.nonce = nonce ?? 0
        tx.gasPrice = gasPrice ?? .zero
        tx.gas = gas ?? 0
        tx.from = from
        tx.to = to
        tx.value = value ?? .zero
        tx.input = input ?? []
        tx.humanReadable = humanReadable ?? false
        tx.codeFormat = codeFormat ?? 0
        tx.feeRatio = feeRatio ?? 0
        if let key {
            guard (try? AccountKey(serialized: key)) != nil else { throw .server("AccountKey must be a type of AccountKey") }
            tx.key = key
        }
        if tx.isFeeDelegated { tx.feePayer = feePayer }
        return tx
    }

    /// The argument members in Go's field order with whether each is set, for `checkArgs`.
    private var members: [(tag: String, isSet: Bool)] {
        [("json:\"typeInt\"", typeInt != nil), ("json:\"to\"", to != nil), ("json:\"gas\"", gas != nil),
         ("json:\"gasPrice\"", gasPrice != nil), ("json:\"maxPriorityFeePerGas\"", maxPriorityFeePerGas != nil),
         ("json:\"maxFeePerGas\"", maxFeePerGas != nil), ("json:\"value\"", value != nil), ("json:\"nonce\"", nonce != nil),
         ("json:\"data\"", data != nil), ("json:\"input\"", input != nil), ("json:\"codeFormat\"", codeFormat != nil),
         ("json:\"humanReadable\"", humanReadable != nil), ("json:\"key\"", key != nil),
         ("json:\"accessList,omitempty\"", accessList != nil), ("json:\"chainId,omitempty\"", chainID != nil),
         ("json:\"feePayer\"", feePayer != nil), ("json:\"feeRatio\"", feeRatio != nil)]
    }

    /// The members a Klaytn type's transaction has (its Go struct's fields, by the argument tags).
    private static func fieldTags(of type: TxType) -> Set<String> {
        var tags: Set<String> = ["json:\"typeInt\""]
        for field in type.descriptor.fields {
            switch field {
            case .nonce: tags.insert("json:\"nonce\"")
            case .gasPrice: tags.insert("json:\"gasPrice\"")
            case .gas: tags.insert("json:\"gas\"")
            case .to, .toOrNil: tags.insert("json:\"to\"")
            case .value: tags.insert("json:\"value\"")
            case .input: tags.insert("json:\"input\"")
            case .humanReadable: tags.insert("json:\"humanReadable\"")
            case .codeFormat: tags.insert("json:\"codeFormat\"")
            case .feeRatio: tags.insert("json:\"feeRatio\"")
            case .key: tags.insert("json:\"key\"")
            case .chainID, .gasTipCap, .gasFeeCap, .from, .accessList: break
            }
        }
        if type.feeDelegation != .none { tags.insert("json:\"feePayer\"") }
        return tags
    }

    /// Klaytn's `checkArgs`: every member the type has must be set (a deploy may omit `to`), and no
    /// member it lacks may be (`data` belongs to legacy transactions only).
    private func checkFields(_ number: UInt16) throws(RPCError) {
        let type = TxType(rawValue: number)
        let tags = type.map(Self.fieldTags) ?? []
        let name = Self.typeName(number)
        for (tag, isSet) in members {
            let isField = tags.contains(tag)
            if !isSet && isField {
                if type?.descriptor.family == .smartContractDeploy && tag == "json:\"to\"" { continue }
                throw .server("\(tag) is required for \(name)")
            }
            if isSet && !isField { throw .server("\(tag) is not a field of \(name)") }
        }
    }

    private func legacyTransaction() throws(RPCError) -> Transaction {
        if let data, let input, data != input {
            throw .server(#"Both "data" and "input" are set and not equal. Please use "input" to pass transaction call data."#)
        }
        let payload = data ?? input ?? []
        if to == nil && payload.isEmpty { throw .server("contract creation without any data provided") }
        var tx = Transaction(type: .legacy)
        tx.nonce = nonce ?? 0
        tx.gasPrice = gasPrice ?? .zero
        tx.gas = gas ?? 0
        tx.to = to
        tx.value = value ?? .zero
        tx.input = payload
        return tx
    }

    /// Klaytn builds Ethereum typed transactions from a map of the set members: each required one must
    /// be there (in the constructor's order) and none may be left over.
    private func ethereumTypedTransaction(_ number: UInt16) throws(RPCError) -> Transaction {
        guard let type = TxType(rawValue: number) else { throw .server("undefined tx type") }
        let dynamicFee = type == .ethereumDynamicFee
        guard chainID != nil else { throw .server("ChainID must be a type of ChainID") }
        // nonce, to, value (defaulted to 0), data (defaulted to empty) and gas are always in the map.
        if dynamicFee {
            guard maxFeePerGas != nil else { throw .server("GasFeeCap must be a type of *big.Int") }
            guard maxPriorityFeePerGas != nil else { throw .server("GasTipCap must be a type of *big.Int") }
        } else {
            guard gasPrice != nil else { throw .server("GasPrice must be a type of *big.Int") }
        }
        guard accessList != nil else { throw .server("AccessList must be a type of AccessList") }
        let decodableKey = key.map { (try? AccountKey(serialized: $0)) != nil } ?? false
        let leftovers = feePayer != nil || feeRatio != nil || codeFormat != nil || humanReadable != nil || decodableKey
            || (dynamicFee ? gasPrice != nil : (maxFeePerGas != nil || maxPriorityFeePerGas != nil))
        if leftovers { throw .server("undefined key remains") }
        var tx = Transaction(type: type)
        tx.chainIDField = chainID ?? .zero
        tx.nonce = nonce ?? 0
        tx.gas = gas ?? 0
        tx.to = to
        tx.value = value ?? .zero
        tx.input = input ?? []
        tx.accessList = accessList ?? []
        if dynamicFee {
            tx.gasPrice = maxFeePerGas ?? .zero
            tx.gasTipCap = maxPriorityFeePerGas ?? .zero
        } else {
            tx.gasPrice = gasPrice ?? .zero
        }
        return tx
    }
}
