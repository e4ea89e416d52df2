import KlayChainStore
import KlayPrimitives
import KlayTypes

/// Klaytn's receipt object (spec/rpc.md §2.2; `RpcOutputReceipt` in `api/api_public_transaction_pool.go`):
/// the transaction object without block context (so an EIP-1559 `gasPrice` is its fee cap) with `hash`
/// renamed to `transactionHash`, plus the receipt's fields; Go's map order.
enum KlayReceiptJSON {
    /// The receipt of `transaction` at `location`, in the block with `header`. `logs` are the receipt's
    /// logs placed in the block.
    static func receipt(_ receipt: Receipt, of transaction: Transaction, at location: TransactionLocation,
                        header: Header, logs: [IndexedLog]) -> JSONValue {
        guard case .object(var members) = KlayTransactionJSON.transaction(transaction, at: location) else { return .null }
        members.removeAll { $0.key == "hash" }
        members.append(("transactionHash", .string(transaction.hash.hex)))
        if receipt.status.isSuccess {
            members.append(("status", .quantity(1 as UInt64)))
        } else {
            members.append(("status", .quantity(0 as UInt64)))
            members.append(("txError", .quantity(UInt64(receipt.status.rawValue))))
        }
        members.append(("logsBloom", .string(receipt.bloom.hex)))
        members.append(("gasUsed", .quantity(receipt.gasUsed)))
        members.append(("effectiveGasPrice", .quantity(effectiveGasPrice(of: transaction, header: header))))
        members.append(("logs", LogJSON.logs(logs)))
        members.append(("contractAddress", receipt.contractAddress == .zero ? .null : .string(receipt.contractAddress.hex)))
        return JSONValue.object(members).sortedByKey()
    }

    /// Klaytn's `EffectiveGasPrice(header)`: the block's base fee from Magma, else the transaction's
    /// price (the fee cap of an EIP-1559 transaction).
    static func effectiveGasPrice(of transaction: Transaction, header: Header?) -> UInt256 {
        header?.baseFee ?? transaction.gasPrice
    }

    /// The receipts of `block` as receipt objects, with their logs numbered within the block.
    static func receipts(of block: Block, receipts: [Receipt]) -> [JSONValue] {
        var firstLogIndex = 0
        return receipts.enumerated().map { index, receipt in
            let location = TransactionLocation(blockHash: block.hash, blockNumber: block.number, index: index)
            let logs = placedLogs(of: receipt, at: location, firstLogIndex: firstLogIndex)
            firstLogIndex += receipt.logs.count
            return Self.receipt(receipt, of: block.transactions[index], at: location, header: block.header, logs: logs)
        }
    }

    /// A receipt's logs with their block context.
    static func placedLogs(of receipt: Receipt, at location: TransactionLocation, firstLogIndex: Int) -> [IndexedLog] {
        receipt.logs.enumerated().map { offset, log in
            IndexedLog(log: log, blockHash: location.blockHash, blockNumber: location.blockNumber,
                       transactionHash: receipt.transactionHash, transactionIndex: location.index, logIndex: firstLogIndex + offset)
        }
    }
}
