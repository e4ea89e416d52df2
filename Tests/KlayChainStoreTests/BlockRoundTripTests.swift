import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayChainStore

/// Blocks holding every transaction type come back as written, by hash and by number.
@Suite struct BlockRoundTripTests {
    @Test(arguments: Backend.allCases)
    func blockWithEveryTransactionTypeRoundTrips(backend: Backend) throws {
        let vectors = try ChainFixtures.vectorTransactions()
        #expect(Set(vectors.map(\.transaction.type)).count == 24)
        let (block, receipts) = ChainFixtures.block(number: 7, transactions: vectors.map(\.transaction))
        try backend.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, senders: vectors.map(\.sender), to: chain)
            let hash = block.hash

            #expect(try chain.head() == ChainHead(hash: hash, number: 7))
            #expect(try chain.headHeader() == block.header)
            #expect(try chain.headBlock() == block)
            #expect(try chain.canonicalHash(number: 7) == hash)
            #expect(try chain.blockNumber(hash: hash) == 7)
            #expect(try chain.header(hash: hash) == block.header)
            #expect(try chain.header(number: 7) == block.header)
            #expect(try chain.body(hash: hash) == block.transactions)
            #expect(try chain.body(number: 7) == block.transactions)
            #expect(try chain.block(hash: hash) == block)
            #expect(try chain.block(number: 7) == block)
            #expect(try chain.receipts(blockHash: hash) == receipts)
            #expect(try chain.receipts(number: 7) == receipts)
            #expect(try chain.senders(hash: hash) == vectors.map(\.sender))
            #expect(try chain.transactionCount(hash: hash) == vectors.count)
            #expect(try chain.transactionCount(number: 7) == vectors.count)
        }
    }

    @Test(arguments: Backend.allCases)
    func unknownBlocksReadAsNil(backend: Backend) throws {
        try backend.withChainStore { chain throws in
            let unknown = Keccak256.hash([1, 2, 3])
            #expect(try chain.head() == nil)
            #expect(try chain.headHeader() == nil)
            #expect(try chain.headBlock() == nil)
            #expect(try chain.genesisHash() == nil)
            #expect(try chain.canonicalHash(number: 0) == nil)
            #expect(try chain.blockNumber(hash: unknown) == nil)
            #expect(try chain.header(hash: unknown) == nil)
            #expect(try chain.header(number: 3) == nil)
            #expect(try chain.body(hash: unknown) == nil)
            #expect(try chain.block(number: 3) == nil)
            #expect(try chain.receipts(blockHash: unknown) == nil)
            #expect(try chain.receipts(number: 3) == nil)
            #expect(try chain.senders(hash: unknown) == nil)
            #expect(try chain.transactionCount(number: 3) == nil)
            #expect(try chain.logs(blockHash: unknown).isEmpty)
            #expect(try chain.headers(in: 0...10).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func canonicalIndexAndHeadFollowTheChain(backend: Backend) throws {
        let blocks = ChainFixtures.chain(count: 5, firstNumber: 1, transactionsPerBlock: 2)
        try backend.withChainStore { chain throws in
            for (block, receipts) in blocks {
                try ChainFixtures.commit(block, receipts: receipts, to: chain)
                #expect(try chain.head() == ChainHead(hash: block.hash, number: block.number))
            }
            for (block, _) in blocks {
                #expect(try chain.canonicalHash(number: block.number) == block.hash)
                #expect(try chain.block(number: block.number) == block)
            }
            let range = try chain.headers(in: 2...4)
            #expect(range.map(\.hash) == blocks[1...3].map(\.block.hash))
            #expect(range.map(\.header) == blocks[1...3].map(\.block.header))
            // A range past the head stops at the head.
            #expect(try chain.headers(in: 4...100).map(\.header.number) == [UInt256(4), UInt256(5)])
            // Written without senders: none are stored.
            #expect(try chain.senders(hash: blocks[0].block.hash) == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func emptyBlockRoundTrips(backend: Backend) throws {
        let (block, receipts) = ChainFixtures.block(number: 3, transactions: [])
        try backend.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, senders: [], to: chain)
            #expect(try chain.block(number: 3) == block)
            #expect(try chain.receipts(number: 3) == [])
            #expect(try chain.senders(hash: block.hash) == [])
            #expect(try chain.transactionCount(number: 3) == 0)
        }
    }

    @Test func readsWithoutCachingMatchCachedReads() throws {
        let (block, receipts) = ChainFixtures.block(number: 1, transactions: ChainFixtures.signedTransactions(count: 3, firstNonce: 0))
        try Backend.memory.withChainStore(cacheLimits: .none) { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, to: chain)
            #expect(try chain.block(hash: block.hash) == block)
            #expect(try chain.receipts(blockHash: block.hash) == receipts)
            #expect(chain.headerCache.count == 0 && chain.bodyCache.count == 0 && chain.receiptCache.count == 0)
        }
    }
}
