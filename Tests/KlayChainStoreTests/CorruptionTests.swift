import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayChainStore

/// Damaged or absent entries give a ``ChainStoreError`` naming the entry, never a crash. Caching is off so
/// every read sees the damage.
@Suite struct CorruptionTests {
    struct Stored {
        let chain: ChainStore
        let block: Block
        let transaction: Transaction
    }

    /// A memory store holding one block of three transactions (with senders), uncached.
    static func stored() throws -> Stored {
        let chain = ChainStore(store: MemoryStore(), cacheLimits: .none)
        let transactions = ChainFixtures.signedTransactions(count: 3, firstNonce: 0)
        let (block, receipts) = ChainFixtures.block(number: 5, transactions: transactions)
        try ChainFixtures.commit(block, receipts: receipts, senders: Array(repeating: ChainFixtures.senderKey.address, count: 3), to: chain)
        return Stored(chain: chain, block: block, transaction: transactions[2])
    }

    /// Expects `body` to throw `.corrupt` for `key`.
    static func expectCorrupt(_ key: [UInt8], in table: StorageTable, _ body: () throws -> Void,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch {
            guard let error = error as? ChainStoreError, case .corrupt(table, key, let reason) = error else {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(!reason.isEmpty, sourceLocation: sourceLocation)
            #expect(error.description.contains(Hex.encode(key)), sourceLocation: sourceLocation)
        }
    }

    @Test func garbageInEachTableIsReportedWithItsKey() throws {
        let garbage: [UInt8] = [0xc3, 0x01, 0x02]
        let s = try Self.stored()
        let hash = s.block.hash
        let cases: [(StorageTable, [UInt8], () throws -> Void)] = [
            (.metadata, ChainKeys.head, { _ = try s.chain.head() }),
            (.canonicalHash, ChainKeys.canonicalHash(5), { _ = try s.chain.block(number: 5) }),
            (.blockNumber, ChainKeys.blockNumber(hash), { _ = try s.chain.block(hash: hash) }),
            (.header, ChainKeys.header(5, hash), { _ = try s.chain.header(number: 5) }),
            (.body, ChainKeys.body(5, hash), { _ = try s.chain.body(number: 5) }),
            (.receipts, ChainKeys.receipts(5, hash), { _ = try s.chain.receipts(number: 5) }),
            (.txSenders, ChainKeys.senders(5, hash), { _ = try s.chain.senders(hash: hash) }),
            (.txLookup, ChainKeys.txLookup(s.transaction.hash), { _ = try s.chain.transaction(hash: s.transaction.hash) }),
            (.senderTxHash, ChainKeys.senderTxHash(s.transaction.senderTxHash),
             { _ = try s.chain.transactionHash(senderTxHash: s.transaction.senderTxHash) }),
            (.metadata, ChainKeys.genesisHash, { _ = try s.chain.genesisHash() }),
            (.chainConfig, ChainKeys.chainConfig(hash), { _ = try s.chain.chainConfig(genesisHash: hash) }),
        ]
        for (table, key, read) in cases {
            let original = try s.chain.store.get(key)
            try s.chain.store.put(key, garbage)
            Self.expectCorrupt(key, in: table, read)
            if let original { try s.chain.store.put(key, original) } else { try s.chain.store.delete(key) }
        }
    }

    @Test func aHeaderUnderAnotherNumberIsCorrupt() throws {
        let s = try Self.stored()
        let key = ChainKeys.header(5, s.block.hash)
        var header = s.block.header
        header.number = 6
        try s.chain.store.put(key, header.encoded)
        Self.expectCorrupt(key, in: .header) { _ = try s.chain.header(hash: s.block.hash) }
    }

    @Test func aLookupPointingPastTheBlockOrAtAnotherTransactionIsCorrupt() throws {
        let s = try Self.stored()
        let key = ChainKeys.txLookup(s.transaction.hash)
        for index in [1, 9] {
            try s.chain.store.put(key, TransactionLocation(blockHash: s.block.hash, blockNumber: 5, index: index).encoded)
            Self.expectCorrupt(key, in: .txLookup) { _ = try s.chain.transaction(hash: s.transaction.hash) }
            Self.expectCorrupt(key, in: .txLookup) { _ = try s.chain.receipt(transactionHash: s.transaction.hash) }
        }
    }

    @Test func sendersThatDoNotMatchTheTransactionsAreCorrupt() throws {
        let s = try Self.stored()
        let key = ChainKeys.senders(5, s.block.hash)
        try s.chain.store.put(key, ChainFixtures.address(1).bytes)
        Self.expectCorrupt(key, in: .txSenders) { _ = try s.chain.transaction(hash: s.transaction.hash) }
    }

    @Test func entriesOthersReferToAreReportedMissing() throws {
        let s = try Self.stored()
        let hash = s.block.hash
        for (table, key) in [(StorageTable.header, ChainKeys.header(5, hash)), (.body, ChainKeys.body(5, hash)),
                             (.receipts, ChainKeys.receipts(5, hash))] {
            let original = try #require(try s.chain.store.get(key))
            try s.chain.store.delete(key)
            #expect(throws: ChainStoreError.missing(table: table, key: key)) {
                _ = try s.chain.block(number: 5)
                _ = try s.chain.receipts(blockHash: hash)
                _ = try s.chain.receipt(transactionHash: s.transaction.hash)
            }
            try s.chain.store.put(key, original)
        }
        #expect(try s.chain.block(number: 5) == s.block)
    }

    /// A store whose reads fail.
    final class FailingStore: KeyValueStore {
        static let failure = StorageError.io(path: "/data", detail: "input/output error")
        func get(_ key: [UInt8]) throws(StorageError) -> [UInt8]? { throw Self.failure }
        func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Bool) throws { throw Self.failure }
        func put(_ key: [UInt8], _ value: [UInt8]) throws(StorageError) { throw Self.failure }
        func delete(_ key: [UInt8]) throws(StorageError) { throw Self.failure }
        func write(_ batch: WriteBatch) throws(StorageError) { throw Self.failure }
        func snapshot() -> any KeyValueReader { self }
    }

    @Test func storageFailuresAreWrapped() {
        let chain = ChainStore(store: FailingStore())
        #expect(throws: ChainStoreError.storage(FailingStore.failure)) { try chain.head() }
        #expect(throws: ChainStoreError.storage(FailingStore.failure)) { try chain.block(number: 1) }
        #expect(throws: ChainStoreError.storage(FailingStore.failure)) { try chain.receipt(transactionHash: .zero) }
    }
}
