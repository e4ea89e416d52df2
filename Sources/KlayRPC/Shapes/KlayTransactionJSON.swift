import KlayChainStore
import KlayPrimitives
import KlayTypes

/// Klaytn's transaction object (spec/rpc.md §2.1; `newRPCTransaction` in `api/api_public_blockchain.go`):
/// the type's own fields from ``Transaction/rpcJSON(baseFee:)`` plus the location fields, all in Go's
/// map order.
enum KlayTransactionJSON {
    /// The object of a transaction at `location`, or of a pooled one (zero block hash, block number and
    /// index) when `location` is nil. `baseFee` is the including block's base fee when Klaytn passes
    /// the block (block bodies, index lookups): it becomes the `gasPrice` of an EIP-1559 transaction,
    /// which otherwise shows its fee cap.
    static func transaction(_ transaction: Transaction, at location: TransactionLocation?, baseFee: UInt256? = nil) -> JSONValue {
        transaction.rpcJSON(baseFee: baseFee).setting([
            ("blockHash", .string((location?.blockHash ?? .zero).hex)),
            ("blockNumber", .quantity(location?.blockNumber ?? 0)),
            ("transactionIndex", .quantity(UInt64(location?.index ?? 0))),
        ]).sortedByKey()
    }

    /// The object of transaction `index` of `block`, with the block's base fee as context.
    static func transaction(in block: Block, index: Int) -> JSONValue {
        transaction(block.transactions[index], at: TransactionLocation(blockHash: block.hash, blockNumber: block.number, index: index),
                    baseFee: block.header.baseFee)
    }
}
