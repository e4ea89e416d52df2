import KlayPrimitives

/// The genesis block header (`Genesis.ToBlock`, spec/chain.md §5.2).
extension Genesis {
    /// The header over the state root of ``alloc`` and `emptyListRoot`, the derive-sha root of an empty
    /// list under the config's implementation (it is both the transactions and the receipts root).
    /// From Magma at block 0 it carries a base fee (the KIP-71 lower bound, or 25 ston when the config
    /// has no KIP-71 section); from Randao at block 0 a zero random reveal and mix hash.
    public func header(stateRoot: Hash, emptyListRoot: Hash) -> Header {
        var header = Header()
        header.parentHash = parentHash
        header.stateRoot = stateRoot
        header.transactionsRoot = emptyListRoot
        header.receiptsRoot = emptyListRoot
        header.blockScore = blockScore ?? Self.defaultBlockScore
        header.number = UInt256(number)
        header.gasUsed = gasUsed
        header.time = UInt256(timestamp)
        header.extra = extraData
        header.governance = governanceData
        if config.isActive(.magma, at: 0) {
            let lowerBound = config.governance?.kip71?.lowerBoundBaseFee ?? KIP71Config.default.lowerBoundBaseFee
            header.baseFee = UInt256(lowerBound)
        }
        if config.isActive(.randao, at: 0) {
            header.randomReveal = [UInt8](repeating: 0, count: 96)
            header.mixHash = [UInt8](repeating: 0, count: 32)
        }
        return header
    }
}
