import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayChainStore

/// Transaction and receipt lookups, logs in block context, and the sender-tx-hash index.
@Suite struct LookupTests {
    @Test(arguments: Backend.allCases)
    func everyTransactionIsFoundWithItsLocationAndSender(backend: Backend) throws {
        let vectors = try ChainFixtures.vectorTransactions()
        let (block, receipts) = ChainFixtures.block(number: 12, transactions: vectors.map(\.transaction))
        try backend.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, senders: vectors.map(\.sender), to: chain)
            for (index, vector) in vectors.enumerated() {
                #expect(vector.transaction.hash == vector.hash)
                let location = TransactionLocation(blockHash: block.hash, blockNumber: 12, index: index)
                #expect(try chain.transactionLocation(hash: vector.hash) == location)
                let found = try #require(try chain.transaction(hash: vector.hash))
                #expect(found == IndexedTransaction(transaction: vector.transaction, location: location, sender: vector.sender))
            }
            #expect(try chain.transaction(hash: Keccak256.hash([0xde, 0xad])) == nil)
        }
    }

    @Test func sendersFallBackToTheFromField() throws {
        let transactions = ChainFixtures.signedTransactions(count: 3, firstNonce: 0)
        let (block, receipts) = ChainFixtures.block(number: 1, transactions: transactions)
        try Backend.memory.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, senders: nil, to: chain)
            // Legacy: no `from` field and no stored senders; Klaytn types carry `from`.
            #expect(try chain.transaction(hash: transactions[0].hash)?.sender == nil)
            #expect(try chain.transaction(hash: transactions[1].hash)?.sender == ChainFixtures.senderKey.address)
            #expect(try chain.transaction(hash: transactions[2].hash)?.sender == ChainFixtures.senderKey.address)
        }
    }

    @Test(arguments: Backend.allCases)
    func receiptsComeWithTheirLogsNumberedWithinTheBlock(backend: Backend) throws {
        let transactions = ChainFixtures.signedTransactions(count: 7, firstNonce: 40)
        let (block, receipts) = ChainFixtures.block(number: 9, transactions: transactions)
        try backend.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, to: chain)
            var logIndex = 0
            var allLogs: [IndexedLog] = []
            for (index, transaction) in transactions.enumerated() {
                let found = try #require(try chain.receipt(transactionHash: transaction.hash))
                #expect(found.receipt == receipts[index])
                #expect(found.location == TransactionLocation(blockHash: block.hash, blockNumber: 9, index: index))
                #expect(found.logs.map(\.log) == receipts[index].logs)
                for log in found.logs {
                    #expect(log.blockHash == block.hash && log.blockNumber == 9)
                    #expect(log.transactionHash == transaction.hash && log.transactionIndex == index)
                    #expect(log.logIndex == logIndex)
                    logIndex += 1
                }
                allLogs += found.logs
            }
            #expect(logIndex == 6)  // 0+1+2+0+1+2+0
            #expect(try chain.logs(blockHash: block.hash) == allLogs)
            #expect(try chain.receipt(transactionHash: Keccak256.hash([0xbe, 0xef])) == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func senderTxHashIndexHoldsOnlyFeeDelegatedTransactionsWhenOn(backend: Backend) throws {
        let vectors = try ChainFixtures.vectorTransactions()
        let (block, receipts) = ChainFixtures.block(number: 2, transactions: vectors.map(\.transaction))
        try backend.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, indexSenderTxHashes: true, to: chain)
            var feeDelegated = 0
            for vector in vectors {
                if vector.transaction.isFeeDelegated {
                    feeDelegated += 1
                    #expect(vector.senderTxHash != vector.hash)
                    #expect(try chain.transactionHash(senderTxHash: vector.senderTxHash) == vector.hash)
                } else {
                    #expect(vector.senderTxHash == vector.hash)
                    #expect(try chain.transactionHash(senderTxHash: vector.senderTxHash) == nil)
                }
            }
            #expect(feeDelegated > 0)
            var indexed = 0
            try chain.store.forEach(prefix: [StorageTable.senderTxHash.rawValue]) { _, _ in
                indexed += 1
                return true
            }
            #expect(indexed == feeDelegated)
        }
    }

    @Test(arguments: Backend.allCases)
    func senderTxHashIndexIsEmptyWhenOff(backend: Backend) throws {
        let vectors = try ChainFixtures.vectorTransactions()
        let (block, receipts) = ChainFixtures.block(number: 2, transactions: vectors.map(\.transaction))
        try backend.withChainStore { chain throws in
            try ChainFixtures.commit(block, receipts: receipts, indexSenderTxHashes: false, to: chain)
            for vector in vectors where vector.transaction.isFeeDelegated {
                #expect(try chain.transactionHash(senderTxHash: vector.senderTxHash) == nil)
                #expect(try chain.transaction(hash: vector.hash) != nil)
            }
        }
    }
}
