import Foundation
import KlayNode
import KlayPrimitives
import KlayStorage
import KlayTypes
import Logging

@testable import KlayRPC

/// An in-process one-validator node (in memory) with funded accounts, and a dispatcher to call RPC
/// methods on it as a client would, without a socket. Tests add blocks with ``produceBlock()``.
final class NodeFixture: @unchecked Sendable {
    static let chainID = ChainWorkload.chainID
    let workload: ChainWorkload
    let node: LocalNode
    let registry = RPCMethodRegistry()
    let dispatcher: RPCDispatcher

    /// Funded accounts: ``keys`` (1 000 000 KLAY each), known to the node's account manager only when
    /// `unlocked` (then unlocked, as `klay dev` does).
    var keys: [PrivateKey] { workload.accounts }
    var services: NodeServices { node.services }

    init(accounts: Int = 4, unlocked: Bool = false, register: (RPCMethodRegistry, NodeServices) -> Void) throws {
        workload = ChainWorkload(accountCount: accounts)
        let manager = try AccountManager(directory: nil, kdf: .light)
        if unlocked { for key in workload.accounts { try manager.addUnlocked(key, password: "") } }
        node = try LocalNode(genesis: workload.genesis, store: MemoryStore(), validator: workload.validator,
                             rewardbase: workload.rewardbase, accounts: manager, dataDirectory: "/tmp/klay-test",
                             indexSenderTxHashes: true)
        registry.registerNodeMethods(RPCNodeInfo(clientVersion: "klaytn-swift/test", networkID: Self.chainID))
        register(registry, node.services)
        registry.addAlias("kaia", of: "klay")
        dispatcher = RPCDispatcher(registry: registry, modules: ["klay", "eth", "net", "web3", "personal", "txpool", "debug", "admin", "governance"],
                                   logger: Logger(label: "test"))
    }

    @discardableResult
    func produceBlock() throws -> BlockProducer.Produced { try node.produceBlock() }

    /// Calls `method` with `params` and returns the whole response object as compact JSON text.
    func raw(_ method: String, _ params: [JSONValue] = []) async -> String {
        let request = JSONValue.object([("jsonrpc", .string("2.0")), ("id", .integer(1)), ("method", .string(method)),
                                        ("params", .array(params))])
        return await dispatcher.answer(request, session: nil).response?.serialized() ?? "no answer"
    }

    /// The `result` of calling `method`, or the RPC error it answered.
    func call(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        let request = JSONValue.object([("jsonrpc", .string("2.0")), ("id", .integer(1)), ("method", .string(method)),
                                        ("params", .array(params))])
        guard let response = await dispatcher.answer(request, session: nil).response else { throw RPCError.server("no answer") }
        if let error = response["error"] {
            let code = Int(error["code"].flatMap { if case .number(let n) = $0 { n } else { nil } } ?? "0") ?? 0
            let message: String = if case .string(let text)? = error["message"] { text } else { "" }
            throw RPCError(code: code, message: message, data: error["data"])
        }
        return response["result"] ?? .null
    }
}
