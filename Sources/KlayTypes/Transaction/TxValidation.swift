import KlayPrimitives

/// The validity rules a transaction can be held to without state (spec/transactions.md §6, §8, §9, §11).
extension Transaction {
    /// Checks the rules that need no state, in the order Klaytn's pool applies them: Shanghai initcode
    /// size, EIP-1559 tip ≤ fee cap, (Ethereum rules: EIP-2681 nonce cap), fee ratio 1…99 (a pool rule:
    /// block processing does not check it), `gas × price` within 256 bits, gas limit ≥ the state-free part
    /// of the intrinsic gas, then the per-type `Validate` rules: a deploy has no recipient, is not
    /// human-readable and has code format 0; no value transfer or (under Klaytn rules) legacy or Ethereum
    /// typed transaction goes to a precompile address `0x01…0x03ff`.
    ///
    /// Signature values are checked when decoding and signers when recovering; key-dependent gas and
    /// everything else that reads state is the caller's.
    public func validateStateless(rules: GasRules) throws(TxError) {
        if rules.shanghai && isContractCreation && input.count > GasRules.maxInitCodeSize {
            throw .maxInitCodeSizeExceeded
        }
        if type.descriptor.family == .ethereumDynamicFee && gasTipCap > gasPrice { throw .tipAboveFeeCap }
        if rules.schedule == .ethereum && nonce == .max { throw .nonceMax }
        if type.feeDelegation == .ratio && !(1...99).contains(feeRatio) { throw .feeRatioOutOfRange }
        if UInt256(gas).multipliedReportingOverflow(by: gasPrice).overflow { throw .feeOverflow }
        if gas < (try intrinsicGas(rules: rules)) { throw .intrinsicGasTooLow }
        try validateTypeRules(rules: rules)
    }

    /// The state-free part of each type's `Validate`: what block processing checks without state
    /// (it does not check the fee ratio range, a pool rule).
    public func validateTypeRules(rules: GasRules) throws(TxError) {
        switch type.descriptor.family {
        case .smartContractDeploy:
            guard to == nil else { throw .invalidContractAddress }
            guard !humanReadable else { throw .humanReadableNotSupported }
            guard codeFormat == 0 else { throw .invalidCodeFormat }
        case .valueTransfer, .valueTransferMemo:
            if let to, to.isPrecompiledContract { throw .precompiledContractAddress }
        case .smartContractExecution:
            break  // its recipient must be a live contract, which only state can tell
        case .legacy, .ethereumAccessList, .ethereumDynamicFee:
            if rules.schedule == .klaytn, let to, to.isPrecompiledContract { throw .precompiledContractAddress }
        case .accountUpdate, .cancel, .chainDataAnchoring:
            break
        }
    }
}

extension Address {
    /// Whether the address lies in Klaytn's reserved precompile range `0x…0001`…`0x…03ff`
    /// (`klaytn:common/types.go` `IsPrecompiledContractAddress`; the zero address is not in it).
    public var isPrecompiledContract: Bool {
        withUnsafeBytes { bytes in
            bytes.prefix(18).allSatisfy { $0 == 0 } && bytes[18] <= 0x03 && (bytes[18] | bytes[19]) != 0
        }
    }
}
