import ArgumentParser

/// `klay evm`: run EVM code and conformance tests, like geth's `evm` tool.
struct EVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evm",
        abstract: "Run EVM code and state tests.",
        subcommands: [StateTestCommand.self, RunCommand.self]
    )
}

/// The `--rules` option shared by the subcommands.
enum RulesOption: String, ExpressibleByArgument, CaseIterable {
    case ethereum, klaytn
}
