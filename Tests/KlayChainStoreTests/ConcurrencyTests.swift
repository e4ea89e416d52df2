import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayChainStore

/// Readers on other threads, while one writer commits block after block, always see whole blocks.
@Suite struct ConcurrencyTests {
    static let blocks = ChainFixtures.chain(count: 60, firstNumber: 1, transactionsPerBlock: 4)

    @Test(arguments: Backend.allCases)
    func readersSeeOnlyWholeBlocksWhileAWriterCommits(backend: Backend) async throws {
        let blocks = Self.blocks
        let (chain, folder) = try backend.open(cacheLimits: .init(headers: 16, bodies: 8, receipts: 8))
        defer { folder?.remove() }
        let checked = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for (block, receipts) in blocks {
                    try ChainFixtures.commit(block, receipts: receipts, senders: nil, to: chain)
                    await Task.yield()
                }
                return 0
            }
            for reader in 0..<4 {
                group.addTask { try await Self.readUntilTheLastBlock(chain, blocks: blocks, reader: reader) }
            }
            var checked = 0
            for try await count in group { checked += count }
            return checked
        }
        #expect(checked >= 4)
        #expect(try chain.head()?.number == UInt64(blocks.count))
    }

    /// Reads the head and everything it implies until the head is the last block; returns how many
    /// heads it checked. Yields between rounds so the writer gets a thread on a small machine.
    static func readUntilTheLastBlock(_ chain: ChainStore, blocks: [(block: Block, receipts: [Receipt])], reader: Int) async throws -> Int {
        var checked = 0
        while true {
            await Task.yield()
            guard let head = try chain.head() else { continue }
            let expected = blocks[Int(head.number) - 1]
            #expect(head.hash == expected.block.hash)
            #expect(try chain.block(number: head.number) == expected.block)
            #expect(try chain.receipts(blockHash: head.hash) == expected.receipts)
            let transaction = expected.block.transactions[(checked + reader) % expected.block.transactions.count]
            #expect(try chain.transaction(hash: transaction.hash)?.location.blockNumber == head.number)
            #expect(try chain.receipt(transactionHash: transaction.hash)?.receipt.transactionHash == transaction.hash)
            // Everything below the head stays readable.
            let older = UInt64((checked * 7 + reader) % Int(head.number)) + 1
            #expect(try chain.header(number: older) == blocks[Int(older) - 1].block.header)
            checked += 1
            if head.number == UInt64(blocks.count) { return checked }
        }
    }
}
