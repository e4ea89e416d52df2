import KlayPrimitives
import KlayStorage
import KlayTypes

/// The chain database: headers, bodies, receipts, the canonical index, transaction lookups, the
/// sender-tx-hash index and the head pointer, over a ``KeyValueStore`` (layouts on ``StorageTable``).
///
/// Writing never touches the store directly: ``write(block:receipts:senders:to:indexSenderTxHashes:)``
/// adds a block's entries to the caller's batch, which the chain commits together with the block's
/// state (`PersistentState.commit(adding:)`), so after a crash either all of a block is visible or none.
///
/// Reads may run on any number of threads while one writer commits. Recent headers, bodies, receipts
/// and senders are cached by block hash, filled only from values read back from the store: a block
/// hash fixes all four (the header commits to the transactions and receipts), so an entry never goes
/// stale, and a batch that is never written leaves nothing behind.
public final class ChainStore: Sendable {
    /// How many blocks' worth of each kind of data to keep in memory.
    public struct CacheLimits: Sendable {
        /// Headers (the most read: RPC, log filters, consensus).
        public var headers: Int
        /// Block bodies; the senders cache gets the same size.
        public var bodies: Int
        /// Blocks' receipt lists.
        public var receipts: Int

        /// Limits with the given sizes (in blocks).
        public init(headers: Int = 2048, bodies: Int = 256, receipts: Int = 256) {
            self.headers = headers
            self.bodies = bodies
            self.receipts = receipts
        }

        /// No caching (every read goes to the store).
        public static let none = CacheLimits(headers: 0, bodies: 0, receipts: 0)
    }

    /// The underlying store.
    public let store: any KeyValueStore
    let headerCache: LRUCache<Hash, Header>
    let bodyCache: LRUCache<Hash, [Transaction]>
    let receiptCache: LRUCache<Hash, [Receipt]>
    let senderCache: LRUCache<Hash, [Address]>

    /// A chain database over `store`, with in-memory caches of the given sizes.
    public init(store: any KeyValueStore, cacheLimits: CacheLimits = CacheLimits()) {
        self.store = store
        headerCache = LRUCache(capacity: cacheLimits.headers)
        bodyCache = LRUCache(capacity: cacheLimits.bodies)
        receiptCache = LRUCache(capacity: cacheLimits.receipts)
        senderCache = LRUCache(capacity: cacheLimits.bodies)
    }

    /// The value under `key`, with store failures typed as ``ChainStoreError``.
    func value(_ key: [UInt8]) throws(ChainStoreError) -> [UInt8]? {
        do {
            return try store.get(key)
        } catch {
            throw .storage(error)
        }
    }

    /// The value under `key`, which another entry says exists.
    func requiredValue(_ table: StorageTable, _ key: [UInt8]) throws(ChainStoreError) -> [UInt8] {
        guard let bytes = try value(key) else { throw .missing(table: table, key: key) }
        return bytes
    }

    /// The 32-byte hash stored under `key` in `table`, or nil.
    func hashValue(_ table: StorageTable, _ key: [UInt8]) throws(ChainStoreError) -> Hash? {
        guard let bytes = try value(key) else { return nil }
        guard bytes.count == Hash.byteCount, let hash = try? Hash(bytes: bytes) else {
            throw .corrupt(table: table, key: key, reason: "expected a 32-byte hash, found \(bytes.count) bytes")
        }
        return hash
    }
}
