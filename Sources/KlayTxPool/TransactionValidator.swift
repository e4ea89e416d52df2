import KlayPrimitives
import KlayTypes

/// Klaytn's pool validation (`klaytn:blockchain/tx_pool.go` `validateTx`, spec/transactions.md §11)
/// against one head and its state, in Klaytn's order so that a transaction with several faults gets
/// Klaytn's error: type allowed by fork → Shanghai initcode size → chain id → price rule (§12) → size →
/// sender signatures and key → nonce → fee payer signatures and key → fee ratio → balances (§8) →
/// intrinsic gas with signature-validation gas → the type's own rules.
struct TransactionValidator {
    let context: TxPoolContext
    let state: any TxPoolStateReader

    /// Checks `prepared` for admission and returns it with its recovered signers.
    func validate(_ prepared: PreparedTransaction) throws(TxPoolError) -> RecoveredTransaction {
        let tx = prepared.transaction
        if tx.type.encoding == .ethereum && !context.acceptsEthereumTypes { throw .txTypeNotSupported }
        try checkInitCodeSize(tx)
        try checkChainID(tx)
        try checkPrice(tx)
        if prepared.size > TxPoolConfig.maxTransactionSize { throw .oversizedData }

        let (sender, senderGas) = try validateSender(prepared)
        if state.nonce(of: sender) > tx.nonce { throw .nonceTooLow }

        var feePayerGas: UInt64 = 0
        let requirement = PaymentRequirement(tx)
        if tx.isFeeDelegated {
            feePayerGas = try validateFeePayer(prepared)
            if tx.type.feeDelegation == .ratio && !(1...99).contains(tx.feeRatio) { throw .feeRatioOutOfRange }
            let senderBalance = state.balance(of: sender)
            guard PaymentRequirement.covers(senderBalance, requirement.sender) else { throw .insufficientFundsOfSender }
            guard PaymentRequirement.covers(state.balance(of: prepared.feePayer), requirement.feePayer) else {
                throw .insufficientFundsOfFeePayer
            }
            // One account bearing both parts must hold their sum.
            if sender == prepared.feePayer && !PaymentRequirement.covers(senderBalance, requirement.wholeCost) {
                throw .insufficientFundsOfSender
            }
        } else if !PaymentRequirement.covers(state.balance(of: sender), requirement.sender) {
            throw .insufficientFundsOfSender
        }

        try checkIntrinsicGas(tx, senderGas: senderGas, feePayerGas: feePayerGas)
        try checkTypeRules(tx, sender: sender)
        // Every failure of recovery was reported above, by the sender or the fee-payer check.
        return try! prepared.recovery.get()
    }

    /// Whether a pooled transaction is still executable against this (newer) state: its signers still
    /// satisfy the accounts' current keys, its type's state-dependent rules hold, and the sender and fee
    /// payer can still pay (Klaytn's `txList.Filter` with `ValidateMutableValue`). The nonce is the
    /// caller's concern.
    func isStillExecutable(_ entry: PooledTransaction) -> Bool {
        let tx = entry.transaction
        guard signersStillValid(entry), stateRulesHold(tx, sender: entry.sender) else { return false }
        let requirement = PaymentRequirement(tx)
        let senderBalance = state.balance(of: entry.sender)
        guard let feePayer = entry.feePayer else {
            return PaymentRequirement.covers(senderBalance, requirement.sender)
        }
        if feePayer == entry.sender { return PaymentRequirement.covers(senderBalance, requirement.wholeCost) }
        return PaymentRequirement.covers(senderBalance, requirement.sender)
            && PaymentRequirement.covers(state.balance(of: feePayer), requirement.feePayer)
    }

    // MARK: - The steps

    /// From Shanghai (next block), a transaction without a recipient may carry at most 49 152 bytes.
    /// Klaytn asks `tx.To() == nil`, which also holds for types that have no recipient at all
    /// (account update, cancel, anchoring) and for a zero-address recipient of the Klaytn types.
    private func checkInitCodeSize(_ tx: Transaction) throws(TxPoolError) {
        guard context.limitsInitCode, tx.input.count > GasRules.maxInitCodeSize else { return }
        let recipient: Address? = tx.type.encoding == .klaytn && tx.to == .zero ? nil : tx.to
        if recipient == nil { throw .maxInitCodeSizeExceeded(size: tx.input.count) }
    }

    /// A protected transaction (every type except a legacy one with V 27/28) must carry the node's chain id.
    private func checkChainID(_ tx: Transaction) throws(TxPoolError) {
        if tx.type.encoding == .legacy, let v = tx.signatures.first?.v, v == 27 || v == 28 { return }
        guard tx.chainID == UInt256(context.chainID) else { throw .invalidChainID }
    }

    /// Klaytn's price rule (spec/transactions.md §12): before Magma exactly the unit price (EIP-1559:
    /// tip and cap both), from Magma at least the next base fee (EIP-1559: the cap).
    private func checkPrice(_ tx: Transaction) throws(TxPoolError) {
        let poolPrice = context.poolGasPrice
        if tx.type.descriptor.family == .ethereumDynamicFee {
            if tx.gasPrice < tx.gasTipCap { throw .tipAboveFeeCap }
            if context.magma {
                if tx.gasPrice < poolPrice { throw .feeCapBelowBaseFee }
            } else {
                if tx.gasTipCap != poolPrice { throw .invalidGasTipCap }
                if tx.gasPrice != poolPrice { throw .invalidGasFeeCap }
            }
        } else if context.magma {
            if tx.gasPrice < poolPrice { throw .gasPriceBelowBaseFee }
        } else if tx.gasPrice != poolPrice {
            throw .invalidUnitPrice
        }
    }

    /// The sender and the gas for checking its signatures. Legacy and Ethereum types need an account
    /// with AccountKeyLegacy; Klaytn types must satisfy the key at `from` for the type's role.
    private func validateSender(_ prepared: PreparedTransaction) throws(TxPoolError) -> (Address, UInt64) {
        let sender: Address
        let signers: [PublicKey]
        switch prepared.recovery {
        case .success(let recovered): (sender, signers) = (recovered.sender, recovered.senderKeys)
        case .failure(.feePayer(_, let from, let keys)): (sender, signers) = (from, keys)
        case .failure(.sender(let error)): throw .invalidSender(.recovery(error))
        }
        let key = state.accountKey(of: sender)
        do {
            if prepared.transaction.type.encoding != .klaytn {
                try key.checkLegacyTransactionSender()
                return (sender, 0)
            }
            let role = prepared.transaction.senderRole
            let gas = try key.signatureValidationGas(role: role, signatureCount: signers.count, istanbul: context.istanbul)
            try key.validate(signers: signers, role: role, address: sender, istanbul: context.istanbul)
            return (sender, gas)
        } catch {
            throw .invalidSender(.accountKey(error))
        }
    }

    /// The gas for checking the fee payer's signatures against its key (RoleFeePayer).
    private func validateFeePayer(_ prepared: PreparedTransaction) throws(TxPoolError) -> UInt64 {
        let signers: [PublicKey]
        switch prepared.recovery {
        case .success(let recovered): signers = recovered.feePayerKeys
        case .failure(.feePayer(let error, _, _)), .failure(.sender(let error)): throw .invalidFeePayer(.recovery(error))
        }
        let key = state.accountKey(of: prepared.feePayer)
        do {
            let gas = try key.signatureValidationGas(role: .feePayer, signatureCount: signers.count, istanbul: context.istanbul)
            try key.validate(signers: signers, role: .feePayer, address: prepared.feePayer, istanbul: context.istanbul)
            return gas
        } catch {
            throw .invalidFeePayer(.accountKey(error))
        }
    }

    /// The gas limit must cover the intrinsic gas at the head block, including an AccountUpdate's key
    /// creation gas and both signature-validation gases.
    private func checkIntrinsicGas(_ tx: Transaction, senderGas: UInt64, feePayerGas: UInt64) throws(TxPoolError) {
        var keyCreationGas: UInt64 = 0
        if tx.type.descriptor.family == .accountUpdate {
            do {
                keyCreationGas = try tx.newAccountKey().creationGas
            } catch {
                throw .accountKeyRule(error)
            }
        }
        let intrinsic: UInt64
        do {
            intrinsic = try tx.intrinsicGas(rules: context.gasRules, keyCreationGas: keyCreationGas,
                                            senderValidationGas: senderGas, feePayerValidationGas: feePayerGas)
        } catch {
            throw .transactionRule(error)
        }
        if tx.gas < intrinsic { throw .intrinsicGasTooLow }
    }

    /// The type's `Validate`: the state-free rules from KlayTypes and the ones that read state.
    private func checkTypeRules(_ tx: Transaction, sender: Address) throws(TxPoolError) {
        do {
            try tx.validateStateless(rules: context.gasRules)
        } catch {
            throw .transactionRule(error)
        }
        try checkStateRules(tx, sender: sender)
    }

    /// The rules that depend on state and can change while the transaction waits (`ValidateMutableValue`).
    private func checkStateRules(_ tx: Transaction, sender: Address) throws(TxPoolError) {
        switch tx.type.descriptor.family {
        case .valueTransfer, .valueTransferMemo:
            if state.isProgramAccount(tx.to ?? .zero) { throw .notForProgramAccount }
        case .smartContractExecution:
            if !state.isContractAvailable(tx.to ?? .zero) { throw .notProgramAccount }
        case .accountUpdate:
            do {
                try state.accountKey(of: sender).checkReplaceable(by: try tx.newAccountKey())
            } catch {
                throw .accountKeyRule(error)
            }
        case .legacy, .smartContractDeploy, .cancel, .chainDataAnchoring, .ethereumAccessList, .ethereumDynamicFee:
            break
        }
    }

    private func stateRulesHold(_ tx: Transaction, sender: Address) -> Bool {
        do {
            try checkStateRules(tx, sender: sender)
            return true
        } catch {
            return false
        }
    }

    /// Whether the cached signers still satisfy the sender's and fee payer's keys in this state.
    private func signersStillValid(_ entry: PooledTransaction) -> Bool {
        let tx = entry.transaction
        let senderKey = state.accountKey(of: entry.sender)
        if tx.type.encoding != .klaytn {
            guard senderKey == .legacy else { return false }
        } else {
            guard (try? senderKey.validate(signers: entry.recovered.senderKeys, role: tx.senderRole, address: entry.sender,
                                           istanbul: context.istanbul)) != nil else { return false }
        }
        guard let feePayer = entry.feePayer else { return true }
        return (try? state.accountKey(of: feePayer).validate(signers: entry.recovered.feePayerKeys, role: .feePayer,
                                                               address: feePayer, istanbul: context.istanbul)) != nil
    }
}

extension Transaction {
    /// The role the sender's signatures are checked for: AccountUpdate's own role for its family,
    /// the transaction role otherwise.
    var senderRole: AccountKeyRole {
        type.descriptor.family == .accountUpdate ? .accountUpdate : .transaction
    }

    /// An AccountUpdate's new key, decoded from its serialized form.
    func newAccountKey() throws(AccountKeyError) -> AccountKey {
        try AccountKey(serialized: key)
    }
}
