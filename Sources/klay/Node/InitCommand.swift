import ArgumentParser
import Foundation
import KlayChain
import KlayStorage
import KlayTypes

/// `klay init --datadir D genesis.json`: writes a chain's genesis block and state into a data directory,
/// as Klaytn's `init` does (its governance defaults filled into the genesis first).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Initialise a data directory with a genesis file."
    )

    @Option(help: "The data directory to initialise.")
    var datadir: String

    @Argument(help: "The genesis file (Klaytn's genesis.json format).")
    var genesisFile: String

    func run() throws {
        let text: Data
        do { text = try Data(contentsOf: URL(fileURLWithPath: genesisFile)) } catch {
            throw ValidationError("cannot read \(genesisFile): \(error.localizedDescription)")
        }
        let genesis = try Genesis(json: Array(text)).preparedForInit()
        guard genesis.config.chainId?.uint64Value != nil else { throw ValidationError("the genesis config has no chainId") }
        let chain = try Blockchain(store: try RocksDBStore(path: NodePaths(datadir).chainData), genesis: genesis)
        print("Successfully wrote genesis state: hash=\(chain.genesisHash.hex) chainId=\(genesis.config.chainId!) "
              + "validators=\(chain.validators.addresses.map(\.hex).joined(separator: ","))")
    }
}

/// Where a node keeps things in its data directory (Klaytn's layout).
struct NodePaths {
    let root: String
    init(_ root: String) { self.root = root }

    var chainData: String { root + "/klay/chaindata" }
    var nodeKey: String { root + "/klay/nodekey" }
    var keystore: URL { URL(fileURLWithPath: root).appendingPathComponent("keystore") }
}
