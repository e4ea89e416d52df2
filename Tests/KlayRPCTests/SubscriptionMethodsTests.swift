import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// The klay and eth subscriptions on a session without a socket, fed by produced blocks and the pool.
struct SubscriptionMethodsTests {
    @Test func newHeadsLogsAndPendingTransactions() async throws {
        let fixture = try NodeFixture.reading()
        let outbox = RPCSubscriptionTests.Outbox()
        let session = RPCWebSocketSession(maxSubscriptions: 10) { await outbox.append($0) }
        var nextID = 0
        func subscribe(_ method: String, _ params: String) async throws -> String {
            nextID += 1
            let request = #"{"jsonrpc":"2.0","id":\#(nextID),"method":"\#(method)","params":\#(params)}"#
            guard case .message(let body) = RPCRequestBody(Array(request.utf8)) else { return "" }
            let answer = await fixture.dispatcher.answer(body, session: session)
            if let response = answer.response { await session.write(response) }
            await session.activate(answer.createdSubscriptions)
            guard case .string(let id)? = answer.response?["result"] else { return answer.response?.serialized() ?? "" }
            return id
        }
        let klayHeads = try await subscribe("klay_subscribe", #"["newHeads"]"#)
        let ethHeads = try await subscribe("eth_subscribe", #"["newHeads"]"#)
        let logs = try await subscribe("klay_subscribe", #"["logs",{"topics":["\#(FilterMethodsTests.topic.hex)"]}]"#)
        let pending = try await subscribe("eth_subscribe", #"["newPendingTransactions"]"#)
        #expect(try await subscribe("klay_subscribe", #"["logs"]"#)
            == #"{"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"missing value for required argument 1"}}"#)
        let refused = try await subscribe("eth_subscribe", #"["logs",{"fromBlock":"0x3","toBlock":"0x1"}]"#)
        #expect(refused
            == #"{"jsonrpc":"2.0","id":6,"error":{"code":-32000,"message":"invalid from and to block combination: from \u003e to"}}"#)

        let creation = fixture.logEmittingCreation(from: 0, nonce: 0, topic: FilterMethodsTests.topic)
        let block = try fixture.include([creation])
        let messages = await outbox.waitFor(10)
        func notification(_ id: String, _ result: JSONValue) -> String {
            #"{"jsonrpc":"2.0","method":"\#(id == ethHeads || id == pending ? "eth" : "klay")_subscription","params":{"subscription":"\#(id)","result":\#(result.serialized())}}"# + "\n"
        }
        let klayHeader = try await fixture.call("klay_getHeaderByNumber", [.string("0x1")])
        let ethHeader = try await fixture.call("eth_getHeaderByNumber", [.string("0x1")])
        let receipt = try await fixture.call("klay_getTransactionReceipt", [.string(creation.hash.hex)])
        guard case .array(let receiptLogs)? = receipt["logs"] else { Issue.record("no logs"); return }
        let notifications = Set(messages.dropFirst(6))
        #expect(notifications == [
            notification(pending, .string(creation.hash.hex)), notification(klayHeads, klayHeader),
            notification(ethHeads, ethHeader), notification(logs, receiptLogs[0]),
        ])
        #expect(ethHeader["miner"] == .string(fixture.workload.validator.address.hex) && ethHeader["hash"] == .string(block.hash.hex))
        await session.close()
    }
}
