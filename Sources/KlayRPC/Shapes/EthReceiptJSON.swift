import KlayChainStore
import KlayPrimitives
import KlayTypes

/// The Ethereum-format receipt of the `eth` namespace (spec/rpc.md §2.4; `newEthTransactionReceipt` in
/// `api/api_ethereum.go`), in Go's map order: `status` only `0x0`/`0x1`, `cumulativeGasUsed` summed over
/// the block, `type` and `to` mapped as for transactions, no Klaytn error code.
enum EthReceiptJSON {
    static func receipt(_ receipt: Receipt, of transaction: Transaction, at location: TransactionLocation, header: Header,
                        cumulativeGasUsed: UInt64, logs: [IndexedLog]) -> JSONValue {
        JSONValue.object([
            ("blockHash", .string(location.blockHash.hex)),
            ("blockNumber", .quantity(location.blockNumber)),
            ("transactionHash", .string(transaction.hash.hex)),
            ("transactionIndex", .quantity(UInt64(location.index))),
            ("from", .string(transaction.rpcFrom.hex)),
            ("to", EthTransactionJSON.ethereumRecipient(of: transaction).map { .string($0.hex) } ?? .null),
            ("gasUsed", .quantity(receipt.gasUsed)),
            ("cumulativeGasUsed", .quantity(cumulativeGasUsed)),
            ("contractAddress", receipt.contractAddress == .zero ? .null : .string(receipt.contractAddress.hex)),
            ("logs", LogJSON.logs(logs)),
            ("logsBloom", .string(receipt.bloom.hex)),
            ("type", .quantity(UInt64(EthTransactionJSON.ethereumType(of: transaction)))),
            ("effectiveGasPrice", .quantity(KlayReceiptJSON.effectiveGasPrice(of: transaction, header: header))),
            ("status", .quantity(UInt64(receipt.status.isSuccess ? 1 : 0))),
        ]).sortedByKey()
    }

    /// The receipts of `block` in Ethereum format.
    static func receipts(of block: Block, receipts: [Receipt]) -> [JSONValue] {
        var firstLogIndex = 0
        var cumulativeGasUsed: UInt64 = 0
        return receipts.enumerated().map { index, receipt in
            let location = TransactionLocation(blockHash: block.hash, blockNumber: block.number, index: index)
            let logs = KlayReceiptJSON.placedLogs(of: receipt, at: location, firstLogIndex: firstLogIndex)
            firstLogIndex += receipt.logs.count
            cumulativeGasUsed += receipt.gasUsed
            return Self.receipt(receipt, of: block.transactions[index], at: location, header: block.header,
                                cumulativeGasUsed: cumulativeGasUsed, logs: logs)
        }
    }
}
