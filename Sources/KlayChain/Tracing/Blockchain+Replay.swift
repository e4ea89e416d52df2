import KlayEVM
import KlayPrimitives
import KlayState
import KlayTypes

extension Blockchain {
    /// Re-executes `block` on a throw-away copy of its parent's state, as the debug tracers do
    /// (`klaytn:node/cn/tracers/api.go` `traceBlock`, `StateAtTransaction`): the transactions before
    /// `traced` go through the ``BlockProcessor`` untraced, then each transaction in `traced` runs with
    /// the tracer `makeTracer` gives for its index. The live chain state is never touched.
    ///
    /// `traced` must lie within the block's transactions. Returns one outcome per traced index, or the
    /// reason the transaction could not be applied. Throws when the block cannot be replayed at all (genesis, unknown parent, an earlier transaction
    /// that does not apply).
    public func replay(_ block: Block, tracing traced: Range<Int>,
                       makeTracer: (Int) -> any Tracer) throws(CallError) -> [Result<StateTransition.Outcome, TransactionError>] {
        precondition(traced.lowerBound >= 0 && traced.upperBound <= block.transactions.count, "traced range outside the block")
        let number = block.number
        guard number > 0 else { throw .unavailable("genesis is not traceable") }
        guard let parent = try? chainStore.header(hash: block.header.parentHash) else {
            throw .unavailable("the block does not exist (block number: \(number - 1))")
        }
        let state: StateDB
        do {
            state = try self.state(at: parent.stateRoot)
        } catch {
            throw .unavailable("missing trie node \(parent.stateRoot.hex) (state of block \(number - 1))")
        }
        let transactions: [RecoveredTransaction]
        do {
            transactions = try processor.recoverSenders(Array(block.transactions.prefix(traced.upperBound)))
        } catch {
            throw .unavailable(error.description)
        }
        let header = block.header
        let author = (try? engine.author(of: header)) ?? .zero
        do {
            _ = try processor.execute(Array(transactions[..<traced.lowerBound]), header: header, author: author,
                                      state: state, mode: .strict, blockHash: canonicalHash)
        } catch {
            throw .unavailable(error.description)
        }

        let rules = processor.rules(at: number)
        let context = processor.blockContext(for: header, author: author, blockHash: canonicalHash)
        let fees = StateTransition.FeeRecipients(author: author, rewardbase: header.rewardbase,
                                                 deferred: processor.parameters.deferredTxFee)
        var results: [Result<StateTransition.Outcome, TransactionError>] = []
        for index in traced {
            let result: Result<StateTransition.Outcome, TransactionError>
            do {
                let message = try TransitionMessage(transactions[index], state: state, rules: rules, baseFee: header.baseFee)
                result = StateTransition.apply(message, block: context, state: state, rules: rules.evm, fees: fees,
                                               tracer: makeTracer(index)).mapError { .transition($0) }
            } catch {
                result = .failure(error)
            }
            if case .success = result { state.endTransaction(deleteEmptyAccounts: true) }
            results.append(result)
        }
        return results
    }
}
