import Testing

@testable import KlayRPC

/// The WebSocket endpoint over a real socket: calls, a subscription with notifications, Klaytn's parse
/// error and closing, the origin check, and the server still serving afterwards.
struct RPCWebSocketServerTests {
    @Test func callsAndSubscriptions() async throws {
        try await RPCTestServer.with { ports in
            let port = try #require(ports.webSocket)
            let refused = try await WebSocketTestClient.withConnection(port: port) { connection in
                try await connection.send(#"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#)
                #expect(try await connection.receive() == .text(#"{"jsonrpc":"2.0","id":1,"result":"1001"}"# + "\n"))

                try await connection.send(#"{"jsonrpc":"2.0","id":2,"method":"klay_subscribe","params":["ticks","0x1"]}"#)
                guard case .text(let answer) = try await connection.receive() else { Issue.record("no answer"); return }
                let id = try #require(answer.split(separator: "\"").dropFirst(9).first.map(String.init))
                #expect(answer == #"{"jsonrpc":"2.0","id":2,"result":"\#(id)"}"# + "\n")
                #expect(try await connection.receive()
                    == .text(#"{"jsonrpc":"2.0","method":"klay_subscription","params":{"subscription":"\#(id)","result":"0x0"}}"# + "\n"))

                try await connection.send(#"{"jsonrpc":"2.0","id":3,"method":"klay_unsubscribe","params":["\#(id)"]}"#)
                #expect(try await connection.receive() == .text(#"{"jsonrpc":"2.0","id":3,"result":true}"# + "\n"))

                try await connection.send(#"{"jsonrpc":"2.0","id":4,"method":"rpc_modules"}"#)
                #expect(try await connection.receive()
                    == .text(#"{"jsonrpc":"2.0","id":4,"result":{"kaia":"1.0","klay":"1.0","net":"1.0","rpc":"1.0","web3":"1.0"}}"# + "\n"))

                try await connection.send("{oops")
                #expect(try await connection.receive()
                    == .text(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"invalid character 'o' looking for beginning of object key string"}}"# + "\n"))
                #expect(try await connection.receive() == .close)
            }
            #expect(refused == nil)

            // A new connection is served after the bad one.
            _ = try await WebSocketTestClient.withConnection(port: port) { connection in
                try await connection.send(#"[{"jsonrpc":"2.0","id":1,"method":"net_listening"}]"#)
                #expect(try await connection.receive() == .text(#"[{"jsonrpc":"2.0","id":1,"result":true}]"# + "\n"))
            }

            let foreign = try await WebSocketTestClient.withConnection(port: port, origin: "https://evil.example") { _ in }
            #expect(foreign?.contains(" 400 ") == true, "\(foreign ?? "upgraded")")
            let local = try await WebSocketTestClient.withConnection(port: port, origin: "http://localhost") { connection in
                try await connection.send(#"{"jsonrpc":"2.0","id":5,"method":"net_listening"}"#)
                #expect(try await connection.receive() == .text(#"{"jsonrpc":"2.0","id":5,"result":true}"# + "\n"))
            }
            #expect(local == nil)
        }
    }

    @Test func oversizedMessageClosesTheConnection() async throws {
        try await RPCTestServer.with({ $0.maxRequestContentLength = 1024 }) { ports in
            let port = try #require(ports.webSocket)
            _ = try await WebSocketTestClient.withConnection(port: port) { connection in
                try await connection.send(#"{"jsonrpc":"2.0","id":1,"method":"net_version","params":[""# + String(repeating: "a", count: 2000) + "\"]}")
                #expect(try await connection.receive() == .close)
            }
            _ = try await WebSocketTestClient.withConnection(port: port) { connection in
                try await connection.send(#"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#)
                #expect(try await connection.receive() == .text(#"{"jsonrpc":"2.0","id":1,"result":"1001"}"# + "\n"))
            }
        }
    }
}
