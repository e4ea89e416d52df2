/// Intrinsic gas: what a transaction costs before any code runs (spec/accounts.md §7,
/// `klaytn:params/protocol_params.go`).
extension Transaction {
    /// Whether executing the transaction creates a contract: the deploy family, or a legacy or
    /// Ethereum typed transaction without a recipient.
    public var isContractCreation: Bool {
        switch type.descriptor.family {
        case .smartContractDeploy: return true
        case .legacy, .ethereumAccessList, .ethereumDynamicFee: return to == nil
        default: return false
        }
    }

    /// The gas charged before execution under `rules`: type gas (53 000 for a creation, else the type's
    /// ``TxTypeDescriptor/baseGas``; + 4 000 000 000 for a human-readable deploy), + 10 000 fee-delegated
    /// or 15 000 with ratio, payload gas, 2 400 per access-list address and 1 900 per storage key, and the
    /// three key-dependent parts.
    ///
    /// Those depend on account keys — the new key of an AccountUpdate (`AccountCreationGas`), the sender's
    /// and the fee payer's keys in state (`SigValidationGas`) — so the caller supplies them; with the
    /// defaults of zero the result is a lower bound that needs no state. Throws ``TxError/gasUintOverflow``
    /// if the sum exceeds 64 bits.
    public func intrinsicGas(rules: GasRules, keyCreationGas: UInt64 = 0, senderValidationGas: UInt64 = 0,
                             feePayerValidationGas: UInt64 = 0) throws(TxError) -> UInt64 {
        typealias Cost = IntrinsicGasCost
        var total = GasSum(isContractCreation ? Cost.contractCreation : type.descriptor.baseGas)
        if type.descriptor.family == .smartContractDeploy && humanReadable { try total.add(Cost.humanReadable) }
        switch type.feeDelegation {
        case .none: break
        case .full: try total.add(Cost.feeDelegated)
        case .ratio: try total.add(Cost.feeDelegatedWithRatio)
        }
        try total.add(try payloadGas(rules: rules))
        try total.add(accessList.count, each: Cost.accessListAddress)
        try total.add(accessList.storageKeyCount, each: Cost.accessListStorageKey)
        try total.add(keyCreationGas)
        try total.add(senderValidationGas)
        try total.add(feePayerValidationGas)
        return total.value
    }

    /// Gas for `input`: Klaytn's flat 100 per byte (Klaytn types always, legacy and Ethereum types from
    /// Istanbul), otherwise 4 per zero byte and 68 (Ethereum from Istanbul: 16) per non-zero byte;
    /// from Shanghai a creation adds 2 per 32-byte word.
    private func payloadGas(rules: GasRules) throws(TxError) -> UInt64 {
        typealias Cost = IntrinsicGasCost
        guard type.descriptor.chargesPayload, !input.isEmpty else { return 0 }
        var total = GasSum(0)
        if rules.schedule == .klaytn && (type.encoding == .klaytn || rules.istanbul) {
            try total.add(input.count, each: Cost.dataByte)
        } else {
            let nonZero = input.count { $0 != 0 }
            let nonZeroCost = rules.schedule == .ethereum && rules.istanbul ? Cost.dataNonZeroEIP2028 : Cost.dataNonZero
            try total.add(nonZero, each: nonZeroCost)
            try total.add(input.count - nonZero, each: Cost.dataZero)
        }
        if rules.shanghai && isContractCreation {
            try total.add((input.count + 31) / 32, each: Cost.initCodeWord)
        }
        return total.value
    }
}

/// The intrinsic-gas constants (`klaytn:params/protocol_params.go`).
enum IntrinsicGasCost {
    static let contractCreation: UInt64 = 53_000
    static let humanReadable: UInt64 = 4_000_000_000
    static let feeDelegated: UInt64 = 10_000
    static let feeDelegatedWithRatio: UInt64 = 15_000
    /// Klaytn's flat per-byte payload price.
    static let dataByte: UInt64 = 100
    static let dataZero: UInt64 = 4
    static let dataNonZero: UInt64 = 68
    static let dataNonZeroEIP2028: UInt64 = 16
    static let initCodeWord: UInt64 = 2
    static let accessListAddress: UInt64 = 2_400
    static let accessListStorageKey: UInt64 = 1_900
}

/// A running 64-bit gas total that throws ``TxError/gasUintOverflow`` instead of wrapping.
private struct GasSum {
    private(set) var value: UInt64

    init(_ value: UInt64) { self.value = value }

    mutating func add(_ amount: UInt64) throws(TxError) {
        let (sum, overflow) = value.addingReportingOverflow(amount)
        guard !overflow else { throw .gasUintOverflow }
        value = sum
    }

    mutating func add(_ count: Int, each price: UInt64) throws(TxError) {
        let (product, overflow) = UInt64(count).multipliedReportingOverflow(by: price)
        guard !overflow else { throw .gasUintOverflow }
        try add(product)
    }
}
