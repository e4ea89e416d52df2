import ArgumentParser

/// `klay genesis`: offline tools for genesis blocks.
struct GenesisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genesis",
        abstract: "Work with genesis specifications and blocks.",
        subcommands: [GenesisHashCommand.self]
    )
}
