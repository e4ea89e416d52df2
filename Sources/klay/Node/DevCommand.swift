import ArgumentParser
import Foundation
import KlayNode
import KlayPrimitives
import KlayRPC
import KlayStorage
import KlayTxPool
import Logging

/// `klay dev`: a local one-validator chain for BApp development, with every hardfork active, funded
/// accounts whose keys are printed (and unlocked in the node's keystore), and JSON-RPC on 8551/8552.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run a local development chain.",
        discussion: """
            Accounts come from a BIP-39 mnemonic as anvil and hardhat derive them (m/44'/60'/0'/0/i), so the \
            default mnemonic gives the addresses and keys those tools print. Data lives in a temporary \
            directory that is removed at exit, unless --datadir is given (then a later run resumes it).
            """
    )

    @Option(name: .customLong("chain-id"), help: "Chain id (and network id).")
    var chainID: UInt64 = DevNetwork.defaultChainID

    @Option(name: .customLong("block-time"), help: "Seconds between blocks.")
    var blockTime: Double = 1

    @Flag(help: "Make a block as soon as transactions arrive instead of on a timer.")
    var instant = false

    @Option(help: "Data directory to keep (and resume) the chain in.")
    var datadir: String?

    @Option(help: "Number of funded accounts.")
    var accounts = 10

    @Option(help: "Mnemonic the accounts are derived from.")
    var mnemonic = DevNetwork.defaultMnemonic

    @Option(help: "Balance of each account, in KLAY.")
    var balance: UInt64 = 10_000

    @Option(name: .customLong("rpcaddr"), help: "Address the HTTP and WebSocket servers listen on.")
    var address = "127.0.0.1"

    @Option(name: .customLong("rpcport"), help: "HTTP JSON-RPC port.")
    var rpcPort = 8551

    @Option(name: .customLong("wsport"), help: "WebSocket JSON-RPC port.")
    var wsPort = 8552

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var metrics: MetricsOptions

    func validate() throws {
        guard blockTime > 0 || instant else { throw ValidationError("--block-time must be positive") }
        guard (1...1_000).contains(accounts) else { throw ValidationError("--accounts must be between 1 and 1000") }
    }

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "klay.dev")
        let prometheus = NodeRunner.bootstrapMetrics(metrics)
        let network = try DevNetwork(chainID: chainID, accountCount: accounts, mnemonic: mnemonic,
                                     balance: UInt256(balance) &* UInt256(1_000_000_000_000_000_000 as UInt64))
        let temporary = datadir == nil
        let folder = datadir ?? FileManager.default.temporaryDirectory.appendingPathComponent("klay-dev-\(UUID().uuidString)").path
        defer { if temporary { try? FileManager.default.removeItem(atPath: folder) } }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let keystore = URL(fileURLWithPath: folder).appendingPathComponent("keystore")
        let manager = try AccountManager(directory: keystore, kdf: .light)
        for key in network.accounts { try manager.addUnlocked(key, password: "") }
        let node = try LocalNode(
            genesis: network.genesis, store: try RocksDBStore(path: folder + "/klay/chaindata"), validator: network.validator,
            rewardbase: network.validator.address, accounts: manager,
            poolConfig: TxPoolConfig(executableSlotsPerAccount: 1_024, executableSlotsTotal: 65_536, keepLocals: true,
                                     allowLocalAnchorTx: true),
            dataDirectory: folder, blockPeriod: instant ? 0 : UInt64(blockTime.rounded(.down)), indexSenderTxHashes: true)

        var rpc = RPCServerConfiguration()
        rpc.httpHost = address
        rpc.httpPort = rpcPort
        rpc.webSocketHost = address
        rpc.webSocketPort = wsPort
        rpc.virtualHosts = ["*"]
        rpc.corsAllowedOrigins = ["*"]
        rpc.webSocketOrigins = ["*"]
        let modules = ["klay", "kaia", "eth", "net", "web3", "personal", "txpool", "debug", "admin", "governance"]
        rpc.httpModules = modules
        rpc.webSocketModules = modules

        printBanner(network, folder: folder, temporary: temporary)
        let trigger: LocalNode.BlockTrigger = instant ? .instant : .interval(.milliseconds(Int64(blockTime * 1_000)))
        try await NodeRunner(node: node, trigger: trigger, rpc: rpc,
                             registry: RPCSetup.registry(for: node.services, networkID: chainID),
                             prometheusPort: metrics.servedPort, prometheus: prometheus, logger: logger).run()
    }

    private func printBanner(_ network: DevNetwork, folder: String, temporary: Bool) {
        var lines = ["", "klaytn-swift development chain", "", "Available accounts", "=================="]
        for (index, key) in network.accounts.enumerated() { lines.append("(\(index)) \(key.address.checksummed) (\(balance) KLAY)") }
        lines += ["", "Private keys", "=================="]
        for (index, key) in network.accounts.enumerated() { lines.append("(\(index)) \(key.secret.hex)") }
        lines += [
            "", "Mnemonic:        \(mnemonic)", "Derivation path: m/44'/60'/0'/0/<index>",
            "Validator:       \(network.validator.address.checksummed)",
            "Chain id:        \(chainID)",
            "Blocks:          \(instant ? "instant (one per batch of transactions)" : "every \(blockTime) s")",
            "Data directory:  \(folder)\(temporary ? " (removed at exit)" : "")",
            "JSON-RPC:        http://\(address):\(rpcPort)  ws://\(address):\(wsPort)", "",
        ]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
