import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayChainStore

/// A RocksDB chain database reopened holds the same chain.
@Suite struct PersistenceTests {
    @Test func reopeningTheDatabaseGivesTheSameHeadAndBlocks() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let blocks = ChainFixtures.chain(count: 4, firstNumber: 1, transactionsPerBlock: 3)
        do {
            let chain = ChainStore(store: try RocksDBStore(path: folder.path, options: .fastForTests))
            for (block, receipts) in blocks { try ChainFixtures.commit(block, receipts: receipts, to: chain) }
        }
        let reopened = ChainStore(store: try RocksDBStore(path: folder.path, options: .fastForTests))
        let last = try #require(blocks.last?.block)
        #expect(try reopened.head() == ChainHead(hash: last.hash, number: 4))
        #expect(try reopened.headBlock() == last)
        for (block, receipts) in blocks {
            #expect(try reopened.block(number: block.number) == block)
            #expect(try reopened.receipts(blockHash: block.hash) == receipts)
            for transaction in block.transactions {
                #expect(try reopened.transaction(hash: transaction.hash)?.location.blockHash == block.hash)
            }
        }
    }
}
