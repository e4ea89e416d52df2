import ArgumentParser

/// `klay bench`: machine-readable performance figures, one subcommand per layer.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the node's hot paths.",
        subcommands: [BenchPrimitivesCommand.self, BenchTxCommand.self, BenchStateCommand.self, BenchEVMCommand.self, BenchChainCommand.self]
    )
}
