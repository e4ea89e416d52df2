import KlayChainStore
import KlayNode
import KlayTypes

/// The logs of a newly committed block in block context, as Klaytn's logs event carries them to filters
/// and `logs` subscriptions.
enum CommittedLogs {
    static func logs(of committed: CommittedBlock) -> [IndexedLog] {
        let block = committed.block
        var logs: [IndexedLog] = []
        for (index, receipt) in committed.receipts.enumerated() {
            let location = TransactionLocation(blockHash: block.hash, blockNumber: block.number, index: index)
            logs += KlayReceiptJSON.placedLogs(of: receipt, at: location, firstLogIndex: logs.count)
        }
        return logs
    }
}
