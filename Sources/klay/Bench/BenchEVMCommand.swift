import ArgumentParser
import Foundation
import KlayEVM

/// `klay bench evm`: time per execution of state-test-format EVM benchmarks (e.g. evm-benchmarks).
struct BenchEVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evm",
        abstract: "Measure the EVM on state-test-format benchmark files.",
        discussion: """
            For each London expectation (data/gas/value index) of each file: builds and commits the pre-state \
            once (not timed), checks one full run against the expected post-state root, then applies the \
            transaction repeatedly, each time on a fresh StateDB over the committed pre-state (validation, \
            execution, gas and refunds, fees, state reads and writes; the StateDBs are made and the commit is \
            skipped outside the timing). Runs are timed in batches of about 20 ms after one warm-up run; \
            secondsPerRun is the fastest batch's time per run (the least skewed by other processes), \
            medianSecondsPerRun the median batch's. `index` is the data index. Build in release (`swift build -c release`); `make bench-evm` compares \
            with pyrevm.
            """
    )

    @Flag(help: "Print one JSON object per case (JSON Lines) instead of a table.")
    var json = false

    @Option(help: "Seconds of timed batches per case (at least 5 batches run).")
    var seconds: Double = 2.0

    @Argument(help: "State-test JSON files.")
    var files: [String]

    func run() throws {
        if !json {
            print("name".padding(toLength: 24, withPad: " ", startingAt: 0), "index", "      gasUsed", "  ms/run", "ms/run(median)", "runs×batches", "post")
        }
        for file in files {
            for benchmark in try StateTestBenchmark.load(contentsOf: URL(fileURLWithPath: file)) {
                let result = try benchmark.measure(seconds: seconds)
                if json {
                    print("{\"name\": \"\(benchmark.name)\", \"index\": \(benchmark.index.data), \"gasUsed\": \(result.gasUsed), "
                        + "\"secondsPerRun\": \(result.secondsPerRun), \"medianSecondsPerRun\": \(result.medianSecondsPerRun), "
                        + "\"runsPerBatch\": \(result.runsPerBatch), \"batches\": \(result.batches), "
                        + "\"postStateMatches\": \(benchmark.matchesExpectation)}")
                } else {
                    let runs = "\(result.runsPerBatch)×\(result.batches)"
                    print(benchmark.name.padding(toLength: 24, withPad: " ", startingAt: 0),
                          String(format: "%5d %13llu %8.3f %14.3f", benchmark.index.data, result.gasUsed,
                                 result.secondsPerRun * 1e3, result.medianSecondsPerRun * 1e3),
                          String(repeating: " ", count: max(0, 12 - runs.count)) + runs,
                          benchmark.matchesExpectation ? "ok" : "MISMATCH")
                }
                fflush(nil)  // all streams: one line per case as it finishes
            }
        }
    }
}
