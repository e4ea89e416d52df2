import Foundation
import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// Polled filters, `getLogs` and the criteria errors.
struct FilterMethodsTests {
    static let topic = Keccak256.hash(Array("Stored(uint256)".utf8))

    @Test func blockPendingAndLogFilters() async throws {
        let fixture = try NodeFixture.reading()
        let blocks = try await fixture.call("klay_newBlockFilter")
        let pending = try await fixture.call("eth_newPendingTransactionFilter")
        let logs = try await fixture.call("klay_newFilter", [.object([("topics", .array([.string(Self.topic.hex)]))])])
        let otherTopic = try await fixture.call("eth_newFilter", [.object([("topics", .array([.array([.string(Hash.zero.hex)])]))])])
        guard case .string(let id) = blocks else { Issue.record("no id"); return }
        #expect(id.hasPrefix("0x"))

        let creation = fixture.logEmittingCreation(from: 0, nonce: 0, topic: Self.topic)
        for result in fixture.services.pool.add([creation], local: true) { _ = try result.get() }
        #expect(await fixture.poll("klay_getFilterChanges", [pending], until: { $0 != "[]" }) == #"["\#(creation.hash.hex)"]"#)
        let block = try fixture.produceBlock().block
        #expect(await fixture.poll("eth_getFilterChanges", [blocks], until: { $0 != "[]" }) == #"["\#(block.hash.hex)"]"#)
        #expect(await fixture.text("eth_getFilterChanges", [blocks]) == "[]")

        let receipt = try await fixture.call("klay_getTransactionReceipt", [.string(creation.hash.hex)])
        let contract = try #require(receipt["contractAddress"])
        let data = Hex.encode([UInt8](repeating: 0, count: 31) + [0x2a])
        let log = #"{"address":\#(contract.serialized()),"topics":["\#(Self.topic.hex)"],"data":"\#(data)","blockNumber":"0x1","transactionHash":"\#(creation.hash.hex)","transactionIndex":"0x0","blockHash":"\#(block.hash.hex)","logIndex":"0x0","removed":false}"#
        #expect(await fixture.poll("klay_getFilterChanges", [logs], until: { $0 != "[]" }) == "[" + log + "]")
        #expect(await fixture.text("klay_getFilterChanges", [otherTopic]) == "[]")
        #expect(receipt["logs"]?.serialized() == "[" + log + "]")
        #expect(await fixture.text("klay_getFilterLogs", [logs]) == "[" + log + "]", "latest to latest: the head block")

        // getLogs by range, by block hash, by address; no match for another address.
        let byRange = #"{"fromBlock":"earliest","toBlock":"latest","address":\#(contract.serialized())}"#
        #expect(await fixture.text("eth_getLogs", [try JSONValue(parsing: Array(byRange.utf8))]) == "[" + log + "]")
        #expect(await fixture.text("klay_getLogs", [.object([("blockHash", .string(block.hash.hex))])]) == "[" + log + "]")
        #expect(await fixture.text("klay_getLogs", [.object([("fromBlock", .string("0x0")), ("address", .array([.string(Address.zero.hex)]))])]) == "[]")
        let rangeFilter = try await fixture.call("eth_newFilter", [.object([("fromBlock", .string("0x0")), ("toBlock", .string("0x1"))])])
        #expect(await fixture.text("eth_getFilterLogs", [rangeFilter]) == "[" + log + "]")
        #expect(await fixture.text("eth_getFilterLogs", [blocks]) == "error -32000 filter not found")

        #expect(await fixture.text("klay_uninstallFilter", [blocks]) == "true")
        #expect(await fixture.text("klay_uninstallFilter", [blocks]) == "false")
        #expect(await fixture.text("klay_getFilterChanges", [blocks]) == "error -32000 filter not found")
        #expect(await fixture.text("eth_getFilterChanges", [.string("0x1234")]) == "error -32000 filter not found")
    }

    @Test func criteriaErrors() async throws {
        let fixture = try NodeFixture.reading()
        func logs(_ criteria: String) async throws -> String {
            await fixture.text("eth_getLogs", [try JSONValue(parsing: Array(criteria.utf8))])
        }
        let hash = Hash.zero.hex
        #expect(try await logs(#"{"blockHash":"\#(hash)","fromBlock":"0x0"}"#)
            == "error -32602 invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")
        #expect(try await logs(#"{"address":"0x12"}"#) == "error -32602 invalid argument 0: invalid address: hex has invalid length 1 after decoding")
        #expect(try await logs(#"{"address":["\#(Address.zero.hex)","zz"]}"#)
            == "error -32602 invalid argument 0: invalid address at index 1: hex string without 0x prefix")
        #expect(try await logs(#"{"address":[1]}"#) == "error -32602 invalid argument 0: non-string address at index 0")
        #expect(try await logs(#"{"address":1}"#) == "error -32602 invalid argument 0: invalid addresses in query")
        #expect(try await logs(#"{"topics":[1]}"#) == "error -32602 invalid argument 0: invalid topic(s)")
        #expect(try await logs(#"{"topics":[["0xzz"]]}"#) == "error -32602 invalid argument 0: invalid hex string")
        #expect(try await logs(#"{"topics":"x"}"#)
            == "error -32602 invalid argument 0: json: cannot unmarshal string into Go struct field input.topics of type []interface {}")
        #expect(try await logs(#""x""#) == "error -32602 invalid argument 0: json: cannot unmarshal string into Go value of type filters.input")
        #expect(await fixture.text("eth_getLogs") == "error -32602 missing value for required argument 0")
        #expect(try await logs(#"{"blockHash":"\#(hash)"}"#)
            == "error -32000 the header does not exist (hash: [\(Hash.zero.bytes.map(String.init).joined(separator: " "))])")
        #expect(try await logs(#"{"fromBlock":"0x0","toBlock":"0x5"}"#) == "error -32000 the header does not exist (block number: 1)")
        #expect(await fixture.text("klay_newFilter", [.object([("fromBlock", .string("0x5")), ("toBlock", .string("0x1"))])])
            == "error -32000 invalid from and to block combination: from > to")
        #expect(await fixture.text("klay_newFilter", [.object([("fromBlock", .string("latest")), ("toBlock", .string("0x1"))])])
            == "error -32000 invalid from and to block combination: from > to")
    }

    @Test func filtersExpireWithoutPolling() async throws {
        let fixture = try NodeFixture.reading()
        let clock = ManualClock()
        let filters = FilterSystem(node: fixture.services, timeout: .seconds(300), now: { clock.now })
        let polled = filters.installBlockFilter()
        let idle = filters.installBlockFilter()
        clock.advance(.seconds(200))
        _ = try filters.changes(polled)
        clock.advance(.seconds(200))
        #expect(throws: RPCError.server("filter not found")) { try filters.changes(idle) }
        #expect(try filters.changes(polled) == .array([]))
    }

    @Test func resultLimitIsTenThousand() {
        #expect(LogQuery.maxResults == 10_000)
    }
}

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private var current = ContinuousClock.now
    private let lock = NSLock()
    var now: ContinuousClock.Instant { lock.withLock { current } }
    func advance(_ duration: Duration) { lock.withLock { current += duration } }
}
