import ArgumentParser

/// The `klay` command: a Klaytn-compatible node and its developer tools.
@main
struct Klay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "klay",
        abstract: "klaytn-swift: a Klaytn-compatible blockchain node.",
        version: "0.1.0",
        subcommands: [DevCommand.self, InitCommand.self, NodeCommand.self, AccountCommand.self, AttachCommand.self, BenchCommand.self, TxCommand.self, GenesisCommand.self, EVMCommand.self, DebugCommand.self]
    )
}
