import KlayEVM
import KlayPrimitives
import KlayState
import KlayTypes

extension TransitionMessage {
    /// The message for `recovered` in a block: the checks Klaytn's `ApplyTransaction` makes before the
    /// state transition, in its order (spec/transactions.md §11) — fork support, the type's `Validate`
    /// against the current state, the sender's and fee payer's signatures against their account keys
    /// (with the role the type signs for), and the intrinsic gas including key creation and
    /// signature-validation gas. The price is the base fee from Magma, the transaction's own before.
    public init(_ recovered: RecoveredTransaction, state: StateDB, rules: ChainRules, baseFee: UInt256?) throws(TransactionError) {
        let tx = recovered.transaction
        guard rules.accepts(tx.type) else { throw .typeNotSupported }
        do { try tx.validateTypeRules(rules: rules.gas) } catch { throw .invalid(error) }
        let family = tx.type.descriptor.family
        var newKey: AccountKey?
        switch family {
        case .valueTransfer, .valueTransferMemo:
            if let to = tx.to, state.account(to)?.kind == .smartContract { throw .notForProgramAccount }
        case .smartContractExecution:
            // `IsContractAvailable`: a self-destructed contract is gone from state by the next transaction.
            guard let to = tx.to, state.account(to)?.isContractWithCode == true else { throw .notProgramAccount }
        case .accountUpdate:
            do {
                let key = try AccountKey(serialized: tx.key)
                try state.key(recovered.sender).checkReplaceable(by: key)
                newKey = key
            } catch {
                throw .key(error)
            }
        default:
            break
        }

        let istanbul = rules.gas.istanbul
        let senderGas: UInt64
        let senderKey = state.key(recovered.sender)
        do {
            if tx.type.encoding == .klaytn {
                let role: AccountKeyRole = family == .accountUpdate ? .accountUpdate : .transaction
                try senderKey.validate(signers: recovered.senderKeys, role: role, address: recovered.sender, istanbul: istanbul)
                senderGas = try senderKey.signatureValidationGas(role: role, signatureCount: recovered.senderKeys.count, istanbul: istanbul)
            } else {
                try senderKey.checkLegacyTransactionSender()
                senderGas = 0
            }
        } catch {
            throw .sender(error)
        }
        var feePayerGas: UInt64 = 0
        if tx.isFeeDelegated {
            let payer = recovered.feePayer
            let payerKey = state.key(payer)
            do {
                try payerKey.validate(signers: recovered.feePayerKeys, role: .feePayer, address: payer, istanbul: istanbul)
                feePayerGas = try payerKey.signatureValidationGas(role: .feePayer, signatureCount: recovered.feePayerKeys.count, istanbul: istanbul)
            } catch {
                throw .feePayer(error)
            }
        }
        let intrinsic: UInt64
        do {
            let keyGas = try newKey?.creationGas ?? 0
            intrinsic = try tx.intrinsicGas(rules: rules.gas, keyCreationGas: keyGas, senderValidationGas: senderGas,
                                            feePayerValidationGas: feePayerGas)
        } catch let error as TxError {
            throw .invalid(error)
        } catch let error as AccountKeyError {
            throw .key(error)
        } catch {
            throw .invalid(.gasUintOverflow)
        }

        let action: Action
        switch family {
        case .accountUpdate: action = .updateKey(newKey!)
        case .cancel, .chainDataAnchoring: action = .incrementNonce
        case .smartContractDeploy: action = .create
        case .legacy, .ethereumAccessList, .ethereumDynamicFee: action = tx.to.map { .call(to: $0) } ?? .create
        case .valueTransfer, .valueTransferMemo, .smartContractExecution: action = .call(to: tx.to!)
        }
        let carriesData = family != .valueTransfer && family != .accountUpdate && family != .cancel
        self.init(
            sender: recovered.sender, feePayer: recovered.feePayer,
            feeRatio: tx.type.feeDelegation == .ratio ? tx.feeRatio : nil,
            nonce: tx.nonce, gasLimit: tx.gas,
            gasPrice: rules.magma ? baseFee ?? .zero : tx.gasPrice,
            value: tx.value, data: carriesData ? tx.input : [], intrinsicGas: intrinsic,
            accessList: tx.accessList, action: action)
    }
}
