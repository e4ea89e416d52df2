import ArgumentParser
import Foundation
import KlayPrimitives
import KlayState
import KlayTypes

/// `klay genesis hash`: the genesis block hash and state root of a built-in network or a genesis file.
struct GenesisHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Compute a genesis block's hash and state root.",
        discussion: """
            With --network, the genesis a node writes for that built-in network on an empty database. With \
            FILE, the genesis `klay init FILE` writes: config defaults filled in and the governance bytes \
            computed from the config (any governanceData in the file is replaced).
            """
    )

    @Option(help: "A built-in network.")
    var network: BuiltInNetwork?

    @Argument(help: "A genesis.json file.")
    var file: String?

    @Flag(help: "Print {\"hash\": …, \"stateRoot\": …}.")
    var json = false

    func validate() throws {
        guard (network == nil) != (file == nil) else {
            throw ValidationError("Give either --network or a genesis FILE.")
        }
    }

    func run() throws {
        let block = GenesisBlock(genesis: try genesis())
        if json {
            print(JSONValue.object([("hash", .string(block.hash.hex)), ("stateRoot", .string(block.state.stateRoot.hex))]))
        } else {
            print("hash       \(block.hash.hex)")
            print("stateRoot  \(block.state.stateRoot.hex)")
        }
    }

    private func genesis() throws -> Genesis {
        if let network { return network.genesis() }
        let path = file ?? ""
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UnreadableFile(path: path, reason: error.localizedDescription)
        }
        return try Genesis(json: data).preparedForInit()
    }
}

/// A genesis file that could not be read.
struct UnreadableFile: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "cannot read \(path): \(reason)" }
}

extension BuiltInNetwork: ExpressibleByArgument {}
