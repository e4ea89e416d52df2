import Foundation
import KlayNode
import KlayPrimitives
import KlayTypes

/// `klay_feeHistory`/`eth_feeHistory` (Klaytn's gas price oracle, `node/cn/gasprice/feehistory.go`): base
/// fees and gas-used ratios of up to 1024 blocks ending at a block, and per requested percentile the
/// "reward" Klaytn reports: the block's base fee (or the unit price before Magma) for every transaction.
enum FeeHistory {
    /// Klaytn's default `MaxHeaderHistory` and `MaxBlockHistory`.
    static let maximumBlocks: UInt64 = 1024

    static func history(node: NodeServices, blockCount: UInt64, lastBlock: RPCBlockNumber, percentiles: [Double]) throws(RPCError) -> JSONValue {
        let empty = JSONValue.object([("oldestBlock", .quantity(0 as UInt64)), ("gasUsedRatio", .null)])
        guard blockCount >= 1 else { return empty }
        var count = min(blockCount, maximumBlocks)
        for (index, percentile) in percentiles.enumerated() {
            guard percentile >= 0, percentile <= 100 else {
                throw .server("invalid reward percentile: \(String(format: "%f", percentile))")
            }
            if index > 0, percentile < percentiles[index - 1] {
                throw .server("invalid reward percentile: #\(index - 1):\(String(format: "%f", percentiles[index - 1])) > #\(index):\(String(format: "%f", percentile))")
            }
        }
        var last = lastBlock
        if last == .pending {
            last = .latest
            count -= 1
            if count == 0 { return empty }
        }
        let head = node.chain.head.number.uint64Value ?? 0
        let lastNumber: UInt64
        if let height = last.height {
            guard height <= head else { throw .server("request beyond head block: requested \(height), head \(head)") }
            lastNumber = height
        } else {
            lastNumber = head
        }
        count = min(count, lastNumber + 1)
        let oldest = lastNumber + 1 - count
        var baseFees: [JSONValue] = []
        var ratios: [JSONValue] = []
        var rewards: [JSONValue] = []
        for number in oldest...lastNumber {
            let block = try node.requireBlock(RPCBlockNumber(height: number))
            let header = block.header
            baseFees.append(.quantity(header.baseFee ?? .zero))
            ratios.append(.number(JSONValue.goFloatText(Double(header.gasUsed) / Double(EthBlockJSON.upperGasLimit))))
            if !percentiles.isEmpty {
                let reward = header.baseFee ?? UInt256(node.chain.config.unitPrice)
                rewards.append(.array(percentiles.map { _ in .quantity(block.transactions.isEmpty ? .zero : reward) }))
            }
            if number == lastNumber {
                baseFees.append(.quantity(node.chain.processor.baseFee(childOf: header) ?? .zero))
            }
        }
        var members: [(key: String, value: JSONValue)] = [("oldestBlock", .quantity(oldest))]
        if !percentiles.isEmpty { members.append(("reward", .array(rewards))) }
        members.append(("baseFeePerGas", .array(baseFees)))
        members.append(("gasUsedRatio", .array(ratios)))
        return .object(members)
    }
}
