import KlayEVM
import KlayPrimitives
import KlayTypes

extension BlockProcessor {
    /// What the EVM sees of the block `header` proposed by `author` (spec/evm.md §6: COINBASE the
    /// proposer, GASLIMIT 0, BASEFEE from Magma, PREVRANDAO the parent hash), as ``execute`` builds it;
    /// `blockHash` answers BLOCKHASH.
    public func blockContext(for header: Header, author: Address, blockHash: @escaping (UInt64) -> Hash) -> BlockContext {
        let number = header.number.uint64Value ?? .max
        let rules = rules(at: number).evm
        return BlockContext(
            coinbase: author, number: number, time: header.time.uint64Value ?? .max, gasLimit: 0,
            baseFee: rules.baseFeeOpcode ? header.baseFee ?? .zero : .zero,
            difficultyOrRandom: rules.prevRandao ? UInt256(header.parentHash) : header.blockScore,
            chainID: UInt256(chainID), blockHash: blockHash)
    }
}
