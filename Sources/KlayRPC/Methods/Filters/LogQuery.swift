import Dispatch
import KlayChainStore
import KlayNode
import KlayPrimitives
import KlayTypes

/// Reading stored logs for `getLogs` and `getFilterLogs` (Klaytn's `Filter.Logs`,
/// `node/cn/filters/filter.go`): one block by hash, or a range of canonical blocks checked bloom first.
/// A query stops with an error past 10 000 results (`query returned more than 10000 results`) or 10
/// seconds (`query timeout exceeded`); Klaytn has no other limit on the range.
enum LogQuery {
    /// Klaytn's `GetLogsMaxItems`.
    static let maxResults = 10_000
    /// Klaytn's `GetLogsDeadline`.
    static let deadline: Duration = .seconds(10)

    /// The logs `criteria` selects. `latest`, `pending` and absent bounds mean the head; a block past
    /// the head ends the query with the header-not-found error, as in Klaytn.
    static func logs(_ criteria: FilterCriteria, node: NodeServices) throws(RPCError) -> [IndexedLog] {
        if let hash = criteria.blockHash {
            let header = try node.requireHeader(hash: hash)
            return criteria.mayMatch(header.bloom) ? try matchingLogs(in: hash, criteria: criteria, node: node) : []
        }
        let head = node.chain.head.number.uint64Value ?? 0
        let begin = criteria.fromBlock?.height ?? head
        let end = criteria.toBlock?.height ?? head
        guard begin <= end else { return [] }
        let started = ContinuousClock.now
        var logs: [IndexedLog] = []
        for number in begin...end {
            let header = try node.requireHeader(RPCBlockNumber(height: number))
            if criteria.mayMatch(header.bloom) {
                logs += try matchingLogs(in: header.hash, criteria: criteria, node: node)
                if logs.count > maxResults { throw .server("query returned more than \(maxResults) results") }
            }
            if ContinuousClock.now - started > deadline { throw .server("query timeout exceeded") }
        }
        return logs
    }

    private static func matchingLogs(in blockHash: Hash, criteria: FilterCriteria, node: NodeServices) throws(RPCError) -> [IndexedLog] {
        do {
            return try node.chain.chainStore.logs(blockHash: blockHash).filter { criteria.matches($0.log) }
        } catch {
            throw .server("\(error)")
        }
    }
}
