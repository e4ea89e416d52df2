import KlayTypes
import Logging
import Testing

@testable import KlayRPC

/// Subscribe, notifications after the answer, unsubscribe, limits and cleanup, on a session without a socket.
struct RPCSubscriptionTests {
    /// Collects the written messages.
    actor Outbox {
        private(set) var messages: [String] = []
        private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        func append(_ message: String) {
            messages.append(message)
            let ready = waiters.filter { $0.count <= messages.count }
            waiters.removeAll { $0.count <= messages.count }
            ready.forEach { $0.continuation.resume() }
        }

        func waitFor(_ count: Int) async -> [String] {
            if messages.count < count {
                await withCheckedContinuation { waiters.append((count, $0)) }
            }
            return messages
        }
    }

    /// A test kind `ticks(n)`: yields n numbers, then stays open until cancelled, reporting its termination.
    static func ticksKind(terminated: AsyncStream<Void>.Continuation) -> RPCSubscriptionKind {
        RPCSubscriptionKind(namespace: "klay", name: "ticks", takesArguments: true) { params throws(RPCError) in
            let (count) = try params.decode(.uint64)
            let (stream, continuation) = AsyncStream.makeStream(of: JSONValue.self)
            for tick in 0..<count { continuation.yield(.quantity(tick)) }
            continuation.onTermination = { _ in terminated.yield() }
            return stream
        }
    }

    static func registry(terminated: AsyncStream<Void>.Continuation) -> RPCMethodRegistry {
        let registry = RPCMethodRegistry()
        registry.register(ticksKind(terminated: terminated))
        registry.register(RPCSubscriptionKind(namespace: "klay", name: "newHeads", takesArguments: false) { _ in
            AsyncStream { _ in }
        })
        return registry
    }

    @Test func notificationsFollowTheAnswerAndStopOnUnsubscribe() async throws {
        let (terminations, terminated) = AsyncStream.makeStream(of: Void.self)
        let dispatcher = RPCDispatcher(registry: Self.registry(terminated: terminated), modules: ["klay"], logger: Logger(label: "test"))
        let outbox = Outbox()
        let session = RPCWebSocketSession(maxSubscriptions: 1) { await outbox.append($0) }

        func call(_ text: String) async throws -> String? {
            guard case .message(let body) = RPCRequestBody(Array(text.utf8)) else { return nil }
            let answer = await dispatcher.answer(body, session: session)
            if let response = answer.response { await session.write(response) }
            await session.activate(answer.createdSubscriptions)
            return answer.response?.serialized()
        }

        let answer = try #require(try await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":["ticks","0x2"]}"#))
        let id = try #require(try JSONValue(parsing: Array(answer.utf8))["result"].flatMap { value -> String? in
            if case .string(let text) = value { return text } else { return nil }
        })
        #expect(id.hasPrefix("0x") && id.count <= 34 && !id.hasPrefix("0x0"))
        let messages = await outbox.waitFor(3)
        #expect(messages[0] == answer + "\n")
        #expect(messages[1] == #"{"jsonrpc":"2.0","method":"klay_subscription","params":{"subscription":"\#(id)","result":"0x0"}}"# + "\n")
        #expect(messages[2] == #"{"jsonrpc":"2.0","method":"klay_subscription","params":{"subscription":"\#(id)","result":"0x1"}}"# + "\n")

        #expect(try await call(#"{"jsonrpc":"2.0","id":2,"method":"klay_subscribe","params":["newHeads"]}"#)
            == #"{"jsonrpc":"2.0","id":2,"error":{"code":-32000,"message":"Maximum 1 subscriptions are allowed for a websocket connection. The limit can be updated with 'admin_setMaxSubscriptionPerWSConn' API"}}"#)
        #expect(try await call(#"{"jsonrpc":"2.0","id":3,"method":"klay_unsubscribe","params":["\#(id)"]}"#)
            == #"{"jsonrpc":"2.0","id":3,"result":true}"#)
        var iterator = terminations.makeAsyncIterator()
        _ = await iterator.next()
        #expect(try await call(#"{"jsonrpc":"2.0","id":4,"method":"klay_unsubscribe","params":["\#(id)"]}"#)
            == #"{"jsonrpc":"2.0","id":4,"error":{"code":-32000,"message":"subscription not found"}}"#)

        // A subscription still open when the connection closes is stopped.
        _ = try await call(#"{"jsonrpc":"2.0","id":5,"method":"klay_subscribe","params":["ticks","0x0"]}"#)
        #expect(await session.subscriptionCount == 1)
        await session.close()
        _ = await iterator.next()
        #expect(await session.subscriptionCount == 0)
    }

    @Test func subscribeErrors() async throws {
        let (_, terminated) = AsyncStream.makeStream(of: Void.self)
        let dispatcher = RPCDispatcher(registry: Self.registry(terminated: terminated), modules: ["klay"], logger: Logger(label: "test"))
        let session = RPCWebSocketSession(maxSubscriptions: 10) { _ in }
        func call(_ text: String) async -> String? {
            guard case .message(let body) = RPCRequestBody(Array(text.utf8)) else { return nil }
            return await dispatcher.answer(body, session: session).response?.serialized()
        }
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":["nothing"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no \"nothing\" subscription in klay namespace"}}"#)
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no \"newHeads\" subscription in eth namespace"}}"#)
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe"}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"non-array args"}}"#)
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":[1]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"expected subscription name as first argument"}}"#)
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":["newHeads",1]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"too many arguments, want at most 1"}}"#)
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":["ticks"]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"missing value for required argument 1"}}"#)
        #expect(await call(#"{"jsonrpc":"2.0","id":1,"method":"klay_subscribe","params":["ticks",5]}"#)
            == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"invalid argument 1: json: cannot unmarshal non-string into Go value of type hexutil.Uint64"}}"#)
        #expect(await session.subscriptionCount == 0)
    }
}
