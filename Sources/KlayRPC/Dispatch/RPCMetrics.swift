import Metrics

/// Request counts and latencies per method, through swift-metrics (`--metrics`): counters
/// `klay_rpc_requests_total` and `klay_rpc_errors_total`, timer `klay_rpc_request_seconds`, each with
/// a `method` dimension (the dispatcher reports methods it does not serve as "unknown", so clients
/// cannot grow the label set).
enum RPCMetrics {
    static func record(method: String, failed: Bool, nanoseconds: UInt64) {
        let dimensions = [("method", method)]
        Counter(label: "klay_rpc_requests_total", dimensions: dimensions).increment()
        if failed { Counter(label: "klay_rpc_errors_total", dimensions: dimensions).increment() }
        Metrics.Timer(label: "klay_rpc_request_seconds", dimensions: dimensions).recordNanoseconds(Int64(clamping: nanoseconds))
    }
}
