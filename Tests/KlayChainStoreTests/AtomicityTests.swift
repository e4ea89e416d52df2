import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayChainStore

/// A block's entries live in the caller's batch: nothing shows until the batch is written, then all of it.
@Suite struct AtomicityTests {
    @Test(arguments: Backend.allCases)
    func anUnwrittenBatchLeavesNothingVisible(backend: Backend) throws {
        let chainBlocks = ChainFixtures.chain(count: 2, firstNumber: 1, transactionsPerBlock: 3)
        try backend.withChainStore { chain throws in
            let (first, firstReceipts) = chainBlocks[0]
            try ChainFixtures.commit(first, receipts: firstReceipts, to: chain)

            let (second, receipts) = chainBlocks[1]
            var batch = WriteBatch()
            chain.write(block: second, receipts: receipts, senders: nil, to: &batch, indexSenderTxHashes: true)
            #expect(!batch.isEmpty)
            // Dropped instead of written (a crash before the commit): the first block is still the head.
            #expect(try chain.head() == ChainHead(hash: first.hash, number: 1))
            #expect(try chain.block(number: 2) == nil)
            #expect(try chain.block(hash: second.hash) == nil)
            #expect(try chain.receipts(blockHash: second.hash) == nil)
            for transaction in second.transactions {
                #expect(try chain.transaction(hash: transaction.hash) == nil)
                #expect(try chain.receipt(transactionHash: transaction.hash) == nil)
                #expect(try chain.transactionHash(senderTxHash: transaction.senderTxHash) == nil)
            }

            try chain.store.write(batch)
            #expect(try chain.head() == ChainHead(hash: second.hash, number: 2))
            #expect(try chain.block(number: 2) == second)
            for transaction in second.transactions {
                #expect(try chain.transaction(hash: transaction.hash) != nil)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func theBlockJoinsWritesAlreadyInTheBatch(backend: Backend) throws {
        let (block, receipts) = ChainFixtures.block(number: 1, transactions: ChainFixtures.signedTransactions(count: 2, firstNonce: 0))
        let stateKey = StorageTable.metadata.key(Array("stateRoot".utf8))
        try backend.withChainStore { chain throws in
            var batch = WriteBatch()
            batch.put(stateKey, block.header.stateRoot.bytes)
            chain.write(block: block, receipts: receipts, senders: nil, to: &batch, indexSenderTxHashes: false)
            try chain.store.write(batch)
            #expect(try chain.store.get(stateKey) == block.header.stateRoot.bytes)
            #expect(try chain.head()?.hash == block.hash)
        }
    }

    @Test(arguments: Backend.allCases)
    func genesisIsWrittenOnceWithItsConfig(backend: Backend) throws {
        var genesis = ChainFixtures.block(number: 0, transactions: []).block
        genesis.header.baseFee = nil
        let configJSON = Array(#"{"chainId": 1001, "deriveShaImpl": 2, "magmaCompatibleBlock": 0}"#.utf8)
        try backend.withChainStore { chain throws in
            var batch = WriteBatch()
            #expect(try chain.writeGenesis(genesis, configJSON: configJSON, to: &batch))
            #expect(try chain.genesisHash() == nil)  // not yet written
            try chain.store.write(batch)

            #expect(try chain.genesisHash() == genesis.hash)
            #expect(try chain.head() == ChainHead(hash: genesis.hash, number: 0))
            #expect(try chain.block(number: 0) == genesis)
            #expect(try chain.receipts(number: 0) == [])
            let config = try #require(try chain.chainConfig(genesisHash: genesis.hash))
            #expect(config.chainId == UInt256(1001))
            #expect(config.deriveShaImpl == 2)
            #expect(config.magmaCompatibleBlock == 0)

            // The same genesis again adds nothing, so the head stays where the chain got to.
            let (next, receipts) = ChainFixtures.block(number: 1, parent: genesis.hash, transactions: [])
            try ChainFixtures.commit(next, receipts: receipts, to: chain)
            var again = WriteBatch()
            #expect(try !chain.writeGenesis(genesis, configJSON: configJSON, to: &again))
            #expect(again.isEmpty)

            // Another genesis is refused.
            var other = genesis
            other.header.time = UInt256(42)
            var refused = WriteBatch()
            #expect(throws: ChainStoreError.genesisMismatch(stored: genesis.hash, given: other.hash)) {
                try chain.writeGenesis(other, configJSON: configJSON, to: &refused)
            }

            // The config can be replaced later.
            var update = WriteBatch()
            chain.writeChainConfig(json: Array(#"{"chainId": 1001, "koreCompatibleBlock": 5}"#.utf8), genesisHash: genesis.hash, to: &update)
            try chain.store.write(update)
            #expect(try chain.chainConfig(genesisHash: genesis.hash)?.koreCompatibleBlock == 5)
            #expect(try chain.chainConfig(genesisHash: next.hash) == nil)
        }
    }
}
