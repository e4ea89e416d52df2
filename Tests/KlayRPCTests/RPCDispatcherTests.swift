import KlayPrimitives
import KlayTypes
import Logging
import Testing

@testable import KlayRPC

/// Message handling without a transport: single calls, batches, notifications, ids and every request error.
struct RPCDispatcherTests {
    static func registry() -> RPCMethodRegistry {
        let registry = RPCMethodRegistry()
        registry.registerNodeMethods(RPCNodeInfo(clientVersion: "klaytn-swift/test", networkID: 1001))
        registry.register("klay", "echo") { params throws(RPCError) in
            let (value) = try params.decode(.uint64)
            return .quantity(value)
        }
        registry.register("klay", "fail") { _ throws(RPCError) in throw .server("boom", data: .string("0x01")) }
        registry.register("admin", "secret") { _ in .bool(true) }
        registry.addAlias("kaia", of: "klay")
        return registry
    }

    let dispatcher = RPCDispatcher(registry: registry(), modules: ["klay", "net", "web3"], logger: Logger(label: "test"))

    private func answer(_ text: String) async throws -> String? {
        guard case .message(let body) = RPCRequestBody(Array(text.utf8)) else { return "unparsed" }
        return await dispatcher.answer(body, session: nil).response?.serialized()
    }

    @Test func singleCallEchoesTheID() async throws {
        #expect(try await answer(#"{"jsonrpc":"2.0","id":7,"method":"klay_echo","params":["0x1f"]}"#)
            == #"{"jsonrpc":"2.0","id":7,"result":"0x1f"}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":"abc","method":"net_version"}"#)
            == #"{"jsonrpc":"2.0","id":"abc","result":"1001"}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":null,"method":"net_listening","params":null}"#)
            == #"{"jsonrpc":"2.0","id":null,"result":true}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1.50,"method":"net_peerCount","params":[]}"#)
            == #"{"jsonrpc":"2.0","id":1.50,"result":"0x0"}"#)
        // Klaytn does not check the version member.
        #expect(try await answer(#"{"jsonrpc":"1.0","ID":2,"METHOD":"net_networkID"}"#)
            == #"{"jsonrpc":"2.0","id":2,"result":1001}"#)
    }

    @Test func notificationsAndResponsesGetNoAnswer() async throws {
        #expect(try await answer(#"{"jsonrpc":"2.0","method":"klay_echo","params":["0x1"]}"#) == nil)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"result":"0x1"}"#) == nil)
        #expect(try await answer(#"[{"jsonrpc":"2.0","method":"net_version"}]"#) == nil)
    }

    @Test func batch() async throws {
        let text = #"[{"jsonrpc":"2.0","id":1,"method":"net_version"},{"jsonrpc":"2.0","method":"net_version"},"#
            + #"{"jsonrpc":"2.0","id":2,"method":"nope_x"},5,{"jsonrpc":"2.0","id":3,"method":"klay_echo","params":["0x2"]}]"#
        #expect(try await answer(text) == "["
            + #"{"jsonrpc":"2.0","id":1,"result":"1001"},"#
            + #"{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"the method nope_x does not exist/is not available"}},"#
            + #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request"}},"#
            + #"{"jsonrpc":"2.0","id":3,"result":"0x2"}]"#)
        #expect(try await answer("[]") == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"empty batch"}}"#)
    }

    @Test func requestErrors() async throws {
        #expect(try await answer("5") == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":4}"#)
            == #"{"jsonrpc":"2.0","id":4,"error":{"code":-32600,"message":"invalid request"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":{},"method":"net_version"}"#)
            == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid request"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"admin_secret"}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"the method admin_secret does not exist/is not available"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"klay_echo","params":["12"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Uint64"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"klay_echo","params":{"a":1}}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"non-array args"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"klay_fail"}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"boom","data":"0x01"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":["newHeads"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"notifications not supported"}}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"klay_unsubscribe","params":["0x1"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"subscription not found"}}"#)
    }

    @Test func zeroArgumentMethodsIgnoreParams() async throws {
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"net_version","params":[1,2,3]}"#)
            == #"{"jsonrpc":"2.0","id":1,"result":"1001"}"#)
    }

    @Test func nodeMethodsAndModules() async throws {
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"web3_sha3","params":["0x"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"result":"0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"web3_clientVersion"}"#)
            == #"{"jsonrpc":"2.0","id":1,"result":"klaytn-swift/test"}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"kaia_echo","params":["0x3"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"result":"0x3"}"#)
        #expect(try await answer(#"{"jsonrpc":"2.0","id":1,"method":"rpc_modules"}"#)
            == #"{"jsonrpc":"2.0","id":1,"result":{"kaia":"1.0","klay":"1.0","net":"1.0","rpc":"1.0","web3":"1.0"}}"#)
        #expect(RPCNodeInfo.clientVersion().hasPrefix("klaytn-swift/v0.1.0/"))
    }
}
