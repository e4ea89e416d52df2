import Dispatch
import KlayEVM
import KlayPrimitives
import KlayState
import KlayTrie
import KlayTypes

/// Executes blocks: applies transactions in order with the rules of the block's number, collects
/// receipts, pays the block reward, and fills the header fields that follow from execution. Import
/// and production share it; they differ only in what happens to a transaction that cannot be applied
/// (import rejects the block, production leaves the transaction out).
public struct BlockProcessor: Sendable {
    public let config: ChainConfig
    public let chainID: UInt64
    public let parameters: GovernanceParameters

    public init(config: ChainConfig) {
        self.config = config
        chainID = config.chainId?.uint64Value ?? 0
        parameters = GovernanceParameters(config: config)
    }

    /// How a transaction that cannot be applied is handled.
    public enum Mode: Sendable {
        /// Import: the block is invalid.
        case strict
        /// Production: skip it; stop taking transactions once `budget` (uptime nanoseconds) has passed.
        case building(deadline: UInt64)
    }

    /// The rules at block `number`.
    public func rules(at number: UInt64) -> ChainRules { ChainRules(config: config, number: number) }

    /// The base fee a child of `parent` must carry, or nil before Magma.
    public func baseFee(childOf parent: Header) -> UInt256? {
        let number = (parent.number.uint64Value ?? .max) &+ 1
        guard rules(at: number).magma else { return nil }
        return BaseFee.next(parentNumber: number - 1, parentBaseFee: parent.baseFee, parentGasUsed: parent.gasUsed,
                            parameters: parameters.kip71)
    }

    /// Applies `transactions` on `state` for the block described by `header` (number, time, rewardbase,
    /// base fee and parent hash set), whose proposer is `author`. `blockHash` gives the hashes of earlier
    /// blocks for BLOCKHASH.
    public func execute(_ transactions: [RecoveredTransaction], header: Header, author: Address, state: StateDB,
                        mode: Mode, blockHash: @escaping (UInt64) -> Hash) throws(BlockError) -> BlockExecution {
        let number = header.number.uint64Value ?? .max
        let rules = rules(at: number)
        let context = blockContext(for: header, author: author, blockHash: blockHash)
        let fees = StateTransition.FeeRecipients(author: author, rewardbase: header.rewardbase,
                                                 deferred: parameters.deferredTxFee)
        var execution = BlockExecution()
        for (index, recovered) in transactions.enumerated() {
            if case .building(let deadline) = mode, DispatchTime.now().uptimeNanoseconds >= deadline {
                execution.budgetExhausted = true
                break
            }
            let outcome: StateTransition.Outcome
            switch apply(recovered, context: context, rules: rules, fees: fees, baseFee: header.baseFee, state: state) {
            case .success(let applied):
                outcome = applied
            case .failure(let error):
                if case .strict = mode { throw .transaction(index: index, hash: recovered.hash, error) }
                execution.skipped.append((recovered.hash, error))
                continue
            }
            let logs = state.logs
            state.endTransaction(deleteEmptyAccounts: true)
            let receipt = Receipt(status: outcome.status, gasUsed: outcome.gasUsed, logs: logs,
                                  transactionHash: recovered.hash, contractAddress: outcome.contractAddress ?? .zero)
            execution.gasUsed += outcome.gasUsed
            execution.bloom.formUnion(receipt.bloom)
            execution.receipts.append(receipt)
            execution.transactions.append(recovered)
        }
        return execution
    }

    func apply(_ recovered: RecoveredTransaction, context: BlockContext, rules: ChainRules,
               fees: StateTransition.FeeRecipients, baseFee: UInt256?, state: StateDB) -> Result<StateTransition.Outcome, TransactionError> {
        do {
            let message = try TransitionMessage(recovered, state: state, rules: rules, baseFee: baseFee)
            return StateTransition.apply(message, block: context, state: state, rules: rules.evm, fees: fees)
                .mapError { .transition($0) }
        } catch {
            return .failure(error)
        }
    }

    /// Pays the block reward and sets the header fields that follow from execution: gas used, bloom,
    /// transactions root and receipts root. The state root is the caller's (it commits the state).
    public func finalize(_ header: inout Header, execution: BlockExecution, state: StateDB) {
        let number = header.number.uint64Value ?? .max
        let reward = BlockReward(gasUsed: execution.gasUsed, baseFee: header.baseFee, rules: rules(at: number),
                                 parameters: parameters)
        state.beginTransaction()
        reward.pay(to: header.rewardbase, in: state)
        state.endTransaction(deleteEmptyAccounts: true)
        header.gasUsed = execution.gasUsed
        header.bloom = execution.bloom
        let deriveSha = parameters.deriveSha
        header.transactionsRoot = deriveSha.hash(count: execution.transactions.count) { execution.transactions[$0].transaction.rawBytes }
        header.receiptsRoot = deriveSha.hash(count: execution.receipts.count) { execution.receipts[$0].consensusEncoded }
    }

    /// Recovers the signers of `transactions` on all cores; the first failure (by index) is reported.
    public func recoverSenders(_ transactions: [Transaction]) throws(BlockError) -> [RecoveredTransaction] {
        let chainID = chainID
        let results = transactions.concurrentMap { transaction in
            Result { () throws(TxError) in try RecoveredTransaction(transaction, chainID: chainID) }
        }
        var recovered: [RecoveredTransaction] = []
        recovered.reserveCapacity(results.count)
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let value): recovered.append(value)
            case .failure(let error):
                throw .transaction(index: index, hash: transactions[index].hash, .invalid(error))
            }
        }
        return recovered
    }
}
