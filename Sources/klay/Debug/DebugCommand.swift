import ArgumentParser

/// `klay debug`: hidden tools for tests and stress runs, not for operators.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Tools for tests and stress runs.",
        shouldDisplay: false,
        subcommands: [StateStressCommand.self, ChainStressCommand.self]
    )
}
