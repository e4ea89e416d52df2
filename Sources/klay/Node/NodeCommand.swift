import ArgumentParser
import Foundation
import KlayChain
import KlayNode
import KlayPrimitives
import KlayRPC
import KlayStorage
import KlayTxPool
import Logging

/// `klay node --datadir D`: runs the chain of an initialised data directory. A node whose key is the
/// council's only validator produces a block every second; any other node serves its chain over RPC
/// (peer-to-peer networking, and with it multi-validator consensus, is not implemented yet).
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "node", abstract: "Run a node on an initialised data directory.")

    @Option(help: "The data directory (initialised with `klay init`).")
    var datadir: String

    @Option(help: "File holding the node key (hex). Default: <datadir>/klay/nodekey, created if missing.")
    var nodekey: String?

    @Option(help: "The node key as hex.")
    var nodekeyhex: String?

    @Option(help: "Network id reported by net_version (default: the chain id).")
    var networkid: UInt64?

    @Option(help: "P2P listening port (peer-to-peer networking is not implemented yet: the node has no peers).")
    var port = 32323

    @Option(help: "Address block rewards go to (default: the node address).")
    var rewardbase: String?

    @Option(help: "Accounts to unlock, comma-separated.")
    var unlock: String?

    @Option(help: "File with the passwords for --unlock, one per line.")
    var password: String?

    @Flag(help: "Index fee-delegated transactions by their senderTxHash.")
    var sendertxhashindexing = false

    @Option(name: .customLong("txpool.exec-slots.account"), help: "Executable transactions per account.")
    var execSlotsAccount = TxPoolConfig.default.executableSlotsPerAccount
    @Option(name: .customLong("txpool.exec-slots.all"), help: "Executable transactions in the pool.")
    var execSlotsAll = TxPoolConfig.default.executableSlotsTotal
    @Option(name: .customLong("txpool.nonexec-slots.account"), help: "Future transactions per account.")
    var nonExecSlotsAccount = TxPoolConfig.default.nonExecutableSlotsPerAccount
    @Option(name: .customLong("txpool.nonexec-slots.all"), help: "Future transactions in the pool.")
    var nonExecSlotsAll = TxPoolConfig.default.nonExecutableSlotsTotal
    @Option(name: .customLong("txpool.lifetime"), help: "Seconds a future transaction may wait.")
    var lifetime = 300
    @Flag(name: .customLong("txpool.keeplocals"), help: "Never evict local transactions for their age.")
    var keepLocals = false
    @Flag(name: .customLong("txpool.allow-local-anchortx"), help: "Accept chain-data anchoring transactions over RPC.")
    var allowLocalAnchorTx = false

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var metrics: MetricsOptions

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "klay.node")
        let prometheus = NodeRunner.bootstrapMetrics(metrics)
        let paths = NodePaths(datadir)
        let key = try loadNodeKey(paths)
        let store = try RocksDBStore(path: paths.chainData)
        let chain = try Blockchain(opening: store, indexSenderTxHashes: sendertxhashindexing)
        guard let chainID = chain.config.chainId?.uint64Value else { throw ValidationError("the stored chain config has no chainId") }
        let validators = chain.validators
        let produces = validators.contains(key.address)
        if produces && validators.count > 1 {
            throw ValidationError("this node is one of \(validators.count) validators; consensus among several validators "
                + "needs peer-to-peer networking, which is not implemented yet")
        }
        let manager = try AccountManager(directory: paths.keystore)
        try unlockAccounts(manager)
        let reward = try rewardbase.map { try Address(hex: $0) } ?? key.address
        let node = try LocalNode(
            chain: chain, validator: key, rewardbase: reward, accounts: manager,
            poolConfig: TxPoolConfig(executableSlotsPerAccount: execSlotsAccount, executableSlotsTotal: execSlotsAll,
                                     nonExecutableSlotsPerAccount: nonExecSlotsAccount, nonExecutableSlotsTotal: nonExecSlotsAll,
                                     lifetime: .seconds(lifetime), keepLocals: keepLocals, allowLocalAnchorTx: allowLocalAnchorTx),
            dataDirectory: datadir)
        logger.info("node started", metadata: [
            "chainId": "\(chainID)", "head": "\(chain.head.number)", "nodeAddress": "\(key.address.hex)",
            "producesBlocks": "\(produces)", "p2pPort": "\(port) (peer-to-peer networking not implemented)",
        ])
        try await NodeRunner(node: node, trigger: produces ? .interval(.seconds(1)) : nil, rpc: rpc.configuration(),
                             registry: RPCSetup.registry(for: node.services, networkID: networkid ?? chainID, gasCap: rpc.gasCap,
                                                     evmTimeout: rpc.evmTimeout),
                             prometheusPort: metrics.servedPort, prometheus: prometheus, logger: logger).run()
    }

    /// `--nodekeyhex`, else `--nodekey`'s file, else `<datadir>/klay/nodekey` (made on first start).
    private func loadNodeKey(_ paths: NodePaths) throws -> PrivateKey {
        if let nodekeyhex { return try PrivateKey(hex: nodekeyhex.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let file = nodekey ?? paths.nodeKey
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            return try PrivateKey(hex: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard nodekey == nil else { throw ValidationError("cannot read the node key file \(file)") }
        let key = PrivateKey.random()
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(Hex.encode(key.secret.bytes, prefix: false).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        return key
    }

    private func unlockAccounts(_ manager: AccountManager) throws {
        guard let unlock else { return }
        let addresses = try unlock.split(separator: ",").map { try Address(hex: $0.trimmingCharacters(in: .whitespaces)) }
        let passwords = try password.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        for (index, address) in addresses.enumerated() {
            let secret = passwords.isEmpty ? "" : passwords[min(index, passwords.count - 1)]
            try manager.unlock(address, password: secret, duration: nil)
        }
    }
}
