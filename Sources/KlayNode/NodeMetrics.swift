import KlayChain
import Metrics

/// The node's metrics, through swift-metrics (the executable bootstraps a Prometheus backend):
/// chain height, time spent per block and per phase, and the pool's sizes after each block.
struct NodeMetrics: Sendable {
    private let height = Gauge(label: "klay_chain_head_block")
    private let transactions = Counter(label: "klay_chain_transactions_total")
    private let blockTime = Metrics.Timer(label: "klay_block_production_seconds")
    private let phases = [
        ("recovery", \BlockTimings.recovery), ("execution", \BlockTimings.execution),
        ("state_root", \BlockTimings.stateRoot), ("write", \BlockTimings.write),
    ].map { (Metrics.Timer(label: "klay_block_phase_seconds", dimensions: [("phase", $0.0)]), $0.1) }
    private let pending = Gauge(label: "klay_txpool_pending")
    private let queued = Gauge(label: "klay_txpool_queued")

    func recordBlock(number: UInt64, transactionCount: Int, timings: BlockTimings, elapsedNanoseconds: UInt64) {
        height.record(Double(number))
        transactions.increment(by: transactionCount)
        blockTime.recordNanoseconds(Int64(clamping: elapsedNanoseconds))
        for (timer, path) in phases { timer.recordNanoseconds(Int64(clamping: timings[keyPath: path])) }
    }

    func recordPool(pending pendingCount: Int, queued queuedCount: Int) {
        pending.record(Double(pendingCount))
        queued.record(Double(queuedCount))
    }
}
