import Foundation
import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// `admin_exportChain` / `admin_importChain`: a chain exported by one node imports into another of the
/// same genesis and ends at the same head; the argument and file errors have Klaytn's texts.
struct ChainFileTransferTests {
    static func fixture() throws -> NodeFixture {
        try NodeFixture(accounts: 2) { registry, node in registry.registerAdminMethods(node) }
    }

    @Test func exportThenImportReachesTheSameHead() async throws {
        let source = try Self.fixture()
        let sink = source.keys[1].address
        for nonce in 0..<3 {
            var tx = Transaction(type: .valueTransfer)
            tx.nonce = UInt64(nonce)
            tx.gasPrice = ChainWorkload.gasPrice
            tx.gas = 21_000
            tx.from = source.keys[0].address
            tx.to = sink
            tx.value = .one
            tx.sign(with: source.keys[0], chainID: NodeFixture.chainID)
            _ = source.services.pool.add([tx], local: true)
            try source.produceBlock()
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UUID().uuidString).rlp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try await source.call("admin_exportChain", [.string(path)]) == .bool(true))
        #expect(await source.raw("admin_exportChain", [.string(path)]).contains("location would overwrite an existing file"))
        #expect(await source.raw("admin_exportChain", [.string(path + ".x"), .null, .integer(2)])
            .contains("last cannot be specified without first"))

        // Blocks made back to back are one period apart, so the last is ahead of the clock; Istanbul
        // refuses blocks more than a second in the future.
        while (source.services.chain.head.time.uint64Value ?? 0) > UInt64(Date().timeIntervalSince1970) + 1 {
            try await Task.sleep(for: .milliseconds(100))
        }
        let target = try Self.fixture()
        #expect(try await target.call("admin_importChain", [.string(path)]) == .bool(true))
        #expect(target.services.chain.head.hash == source.services.chain.head.hash)
        // Importing again skips the blocks the chain has.
        #expect(try await target.call("admin_importChain", [.string(path)]) == .bool(true))
        #expect(await target.raw("admin_importChain", [.string(path + ".missing")]).contains("no such file or directory"))
    }
}
