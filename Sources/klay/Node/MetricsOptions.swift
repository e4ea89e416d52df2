import ArgumentParser

/// Klaytn's metrics flags: `--metrics` collects, `--prometheus` serves them for scraping on
/// `--prometheusport` (Klaytn's default 61001).
struct MetricsOptions: ParsableArguments {
    @Flag(help: "Collect metrics.")
    var metrics = false
    @Flag(help: "Serve the metrics for Prometheus (implies --metrics).")
    var prometheus = false
    @Option(name: .customLong("prometheusport"), help: "Port of the Prometheus endpoint (GET /metrics).")
    var prometheusPort = 61001

    /// The port to serve metrics on, or nil when not serving.
    var servedPort: Int? { prometheus ? prometheusPort : nil }
}
