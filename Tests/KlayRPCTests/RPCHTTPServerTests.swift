import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import KlayRPC

/// The HTTP endpoint over a real socket: Klaytn's status codes, texts, CORS, vhosts, limits and timeout, and
/// that the server keeps answering after each bad request.
struct RPCHTTPServerTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    private func post(_ client: TestClient, _ body: String, authority: String? = nil, headers: HTTPFields = json) async throws -> TestClient.Response {
        try await client.execute(.init("/", method: .post, authority: authority, headers: headers, body: ByteBuffer(string: body)))
    }

    private func text(_ response: TestClient.Response) -> String {
        response.body.map { String(buffer: $0) } ?? ""
    }

    private func expectServing(_ client: TestClient) async throws {
        let response = try await post(client, #"{"jsonrpc":"2.0","id":9,"method":"net_version"}"#)
        #expect(text(response) == #"{"jsonrpc":"2.0","id":9,"result":"1001"}"# + "\n")
    }

    @Test func callsAndBadInput() async throws {
        try await RPCTestServer.with { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                let call = try await post(client, #"[{"jsonrpc":"2.0","id":1,"method":"klay_echo","params":["0x5"]}]"#)
                #expect(call.status == .ok)
                #expect(call.headers[.contentType] == "application/json")
                #expect(text(call) == #"[{"jsonrpc":"2.0","id":1,"result":"0x5"}]"# + "\n")

                let malformed = try await post(client, "{bad json")
                #expect(malformed.status == .ok)
                #expect(text(malformed) == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}"# + "\n")
                try await expectServing(client)

                let trailing = try await post(client, #"{"jsonrpc":"2.0","id":2,"method":"net_listening"} garbage"#)
                #expect(text(trailing) == #"{"jsonrpc":"2.0","id":2,"result":true}"# + "\n")

                let empty = try await post(client, "")
                #expect(empty.status == .ok && text(empty).isEmpty)

                let notification = try await post(client, #"{"jsonrpc":"2.0","method":"net_version"}"#)
                #expect(notification.status == .ok && text(notification).isEmpty)

                let subscribe = try await post(client, #"{"jsonrpc":"2.0","id":3,"method":"klay_subscribe","params":["ticks","0x1"]}"#)
                #expect(text(subscribe) == #"{"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"notifications not supported"}}"# + "\n")

                let put = try await client.execute(.init("/", method: .put, headers: Self.json, body: ByteBuffer(string: "{}")))
                #expect(put.status == .methodNotAllowed && text(put) == "method not allowed\n")
                try await expectServing(client)

                let wrongType = try await post(client, "{}", headers: [.contentType: "text/plain"])
                #expect(wrongType.status == .unsupportedMediaType)
                #expect(text(wrongType) == "invalid content type, only application/json is supported\n")
                let missingType = try await post(client, "{}", headers: [:])
                #expect(missingType.status == .unsupportedMediaType)
                let variant = try await post(client, #"{"jsonrpc":"2.0","id":4,"method":"net_version"}"#,
                                             headers: [.contentType: "application/json-rpc; charset=UTF-8"])
                #expect(text(variant) == #"{"jsonrpc":"2.0","id":4,"result":"1001"}"# + "\n")

                let health = try await client.get("/")
                #expect(health.status == .ok && text(health).isEmpty)
                try await expectServing(client)
            }
        }
    }

    @Test func bodyLimitCoversBatches() async throws {
        try await RPCTestServer.with { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                let item = #"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#
                let batch = "[" + Array(repeating: item, count: 12_000).joined(separator: ",") + "]"
                #expect(batch.utf8.count > 524_288)
                let response = try await post(client, batch)
                #expect(response.status.code == 413)
                #expect(text(response) == "content length too large (\(batch.utf8.count)>524288)\n")
                try await expectServing(client)

                let allowed = "[" + Array(repeating: item, count: 100).joined(separator: ",") + "]"
                let answers = try await post(client, allowed)
                #expect(text(answers).components(separatedBy: #""result":"1001""#).count == 101)
            }
        }
    }

    @Test func virtualHosts() async throws {
        try await RPCTestServer.with { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                let body = #"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#
                let refused = try await post(client, body, authority: "evil.example:8551")
                #expect(refused.status == .forbidden && text(refused) == "invalid host specified\n")
                #expect(try await post(client, body, authority: "localhost:8551").status == .ok)
                #expect(try await post(client, body, authority: "10.1.2.3").status == .ok)
                #expect(try await post(client, body, authority: "[::1]:8551").status == .ok)
                try await expectServing(client)
            }
        }
        try await RPCTestServer.with({ $0.virtualHosts = ["*"] }) { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                let response = try await post(client, #"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#, authority: "any.example")
                #expect(response.status == .ok)
            }
        }
    }

    @Test func cors() async throws {
        try await RPCTestServer.with({ $0.corsAllowedOrigins = ["https://dapp.example"] }) { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                let preflight = try await client.execute(.init("/", method: .options, headers: [
                    .origin: "https://dapp.example", .accessControlRequestMethod: "POST",
                    .accessControlRequestHeaders: "content-type",
                ]))
                #expect(preflight.status == .ok)
                #expect(preflight.headers[.accessControlAllowOrigin] == "https://dapp.example")
                #expect(preflight.headers[.accessControlAllowMethods] == "POST")
                #expect(preflight.headers[.accessControlAllowHeaders] == "Content-Type")
                #expect(preflight.headers[.accessControlMaxAge] == "600")
                #expect(preflight.headers[values: .vary] == ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"])

                let foreign = try await client.execute(.init("/", method: .options, headers: [
                    .origin: "https://other.example", .accessControlRequestMethod: "POST",
                ]))
                #expect(foreign.status == .ok && foreign.headers[.accessControlAllowOrigin] == nil)

                var headers = Self.json
                headers[.origin] = "https://dapp.example"
                let call = try await post(client, #"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#, headers: headers)
                #expect(call.headers[.accessControlAllowOrigin] == "https://dapp.example")
                #expect(call.headers[.vary] == "Origin")
                headers[.origin] = "https://other.example"
                let other = try await post(client, #"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#, headers: headers)
                #expect(other.headers[.accessControlAllowOrigin] == nil && other.status == .ok)
            }
        }
        try await RPCTestServer.with { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                var headers = Self.json
                headers[.origin] = "https://dapp.example"
                let call = try await post(client, #"{"jsonrpc":"2.0","id":1,"method":"net_version"}"#, headers: headers)
                #expect(call.headers[.accessControlAllowOrigin] == nil && call.headers[.vary] == nil)
            }
        }
    }

    @Test func executionTimeout() async throws {
        try await RPCTestServer.with({ $0.executionTimeout = .milliseconds(200) }) { ports in
            try await TestClient.withClient(host: "127.0.0.1", port: try #require(ports.http)) { client in
                let clock = ContinuousClock()
                let start = clock.now
                let response = try await post(client, #"{"jsonrpc":"2.0","id":1,"method":"klay_sleep"}"#)
                // Answered by the 200 ms timeout, well before the 10 s handler ends (the margin absorbs a
                // loaded CI machine running the suites in parallel).
                #expect(clock.now - start < .seconds(5))
                #expect(response.status == .serviceUnavailable && text(response) == "timeout")
                try await expectServing(client)
            }
        }
    }
}
