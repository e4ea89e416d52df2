import Dispatch
import Foundation
import KlayTypes

/// Signature recovery for many transactions at once, spread over all cores: the one expensive step of
/// admission and import (secp256k1 recovery, ~45 µs each).
public enum ParallelRecovery {
    /// The recovered transactions (or why each failed), in the order given.
    public static func recover(_ transactions: [Transaction], chainID: UInt64) -> [Result<RecoveredTransaction, TxError>] {
        let count = transactions.count
        guard count > 0 else { return [] }
        let results = UnsafeMutableBufferPointer<Result<RecoveredTransaction, TxError>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = count * chunk / chunks
            let end = count * (chunk + 1) / chunks
            for index in start..<end {
                output[index] = Result { () throws(TxError) in try RecoveredTransaction(transactions[index], chainID: chainID) }
            }
        }
        return results.map { $0! }
    }
}
