import ArgumentParser

/// `klay tx`: offline tools for raw transactions.
struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Work with raw transactions.",
        subcommands: [TxDecodeCommand.self]
    )
}
