import CRocksDB
import Foundation

/// The on-disk ``KeyValueStore``: RocksDB through its C API, with a bloom filter per table file (fast
/// misses on trie-node lookups) and an LRU block cache of a configurable size.
///
/// RocksDB's handles are safe to use from many threads at once, so one store is shared freely.
/// RocksDB holds an exclusive lock on the folder; a second process opening it gets ``StorageError/locked(path:)``.
/// ``close()`` shuts the database down before the process exits (RocksDB's background threads must be
/// stopped before its static destructors run); calls after it throw ``StorageError/closed(path:)``.
public final class RocksDBStore: KeyValueStore, @unchecked Sendable {
    /// Tuning knobs; the defaults suit a node on a small machine.
    public struct Options: Sendable {
        /// Bytes of the shared LRU block cache.
        public var blockCacheBytes = 256 << 20
        /// Bloom filter bits per key.
        public var bloomBitsPerKey = 10.0
        /// Bytes of the memtable before it is flushed.
        public var writeBufferBytes = 64 << 20
        /// Whether each batch write waits for fsync (the chain writes each block's batch synced).
        public var syncWrites = true
        /// Create the database when the folder has none.
        public var createIfMissing = true

        public init() {}
    }

    /// The database folder.
    public let path: String
    private let database: OpaquePointer
    private let options: OpaquePointer
    private let tableOptions: OpaquePointer
    private let cache: OpaquePointer
    private let readOptions: OpaquePointer
    private let writeOptions: OpaquePointer
    /// Held shared by every operation and exclusively by ``close()``.
    private let closing = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
    private var isClosed = false

    /// Opens (or creates) the database in folder `path`.
    public init(path: String, options settings: Options = Options()) throws(StorageError) {
        self.path = path
        if settings.createIfMissing {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, detail: error.localizedDescription)
            }
        }
        options = rocksdb_options_create()
        rocksdb_options_set_create_if_missing(options, settings.createIfMissing ? 1 : 0)
        rocksdb_options_set_write_buffer_size(options, settings.writeBufferBytes)
        rocksdb_options_increase_parallelism(options, Int32(max(1, ProcessInfo.processInfo.activeProcessorCount)))
        rocksdb_options_set_compression(options, Int32(rocksdb_lz4_compression))
        tableOptions = rocksdb_block_based_options_create()
        cache = rocksdb_cache_create_lru(settings.blockCacheBytes)
        rocksdb_block_based_options_set_block_cache(tableOptions, cache)
        rocksdb_block_based_options_set_filter_policy(tableOptions, rocksdb_filterpolicy_create_bloom(settings.bloomBitsPerKey))
        rocksdb_options_set_block_based_table_factory(options, tableOptions)
        readOptions = rocksdb_readoptions_create()
        writeOptions = rocksdb_writeoptions_create()
        rocksdb_writeoptions_set_sync(writeOptions, settings.syncWrites ? 1 : 0)

        var error: UnsafeMutablePointer<CChar>?
        let handle = rocksdb_open(options, path, &error)
        if let failure = Self.consume(error, path: path) {
            Self.release(options: options, tableOptions: tableOptions, cache: cache, readOptions: readOptions, writeOptions: writeOptions)
            throw failure
        }
        guard let handle else {
            Self.release(options: options, tableOptions: tableOptions, cache: cache, readOptions: readOptions, writeOptions: writeOptions)
            throw .cannotOpen(path: path, detail: "rocksdb_open returned no handle")
        }
        database = handle
        pthread_rwlock_init(closing, nil)
    }

    deinit {
        if !isClosed { rocksdb_close(database) }
        Self.release(options: options, tableOptions: tableOptions, cache: cache, readOptions: readOptions, writeOptions: writeOptions)
        pthread_rwlock_destroy(closing)
        closing.deallocate()
    }

    /// Waits for operations in progress, then closes the database (flushing nothing that is not already
    /// durable: every batch was written to the log). Idempotent.
    public func close() {
        pthread_rwlock_wrlock(closing)
        defer { pthread_rwlock_unlock(closing) }
        guard !isClosed else { return }
        rocksdb_close(database)
        isClosed = true
    }

    /// Runs `body` while the database is open (shared with other operations, exclusive of ``close()``).
    private func whileOpen<R>(_ body: () throws -> R) throws -> R {
        pthread_rwlock_rdlock(closing)
        defer { pthread_rwlock_unlock(closing) }
        guard !isClosed else { throw StorageError.closed(path: path) }
        return try body()
    }

    private static func release(options: OpaquePointer, tableOptions: OpaquePointer, cache: OpaquePointer,
                                readOptions: OpaquePointer, writeOptions: OpaquePointer) {
        rocksdb_readoptions_destroy(readOptions)
        rocksdb_writeoptions_destroy(writeOptions)
        rocksdb_options_destroy(options)
        rocksdb_block_based_options_destroy(tableOptions)
        rocksdb_cache_destroy(cache)
    }

    public func get(_ key: [UInt8]) throws(StorageError) -> [UInt8]? {
        do {
            return try whileOpen { try Self.get(key, database: database, readOptions: readOptions, path: path) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .io(path: path, detail: "\(error)")
        }
    }

    public func put(_ key: [UInt8], _ value: [UInt8]) throws(StorageError) {
        var batch = WriteBatch()
        batch.put(key, value)
        try write(batch)
    }

    public func delete(_ key: [UInt8]) throws(StorageError) {
        var batch = WriteBatch()
        batch.delete(key)
        try write(batch)
    }

    public func write(_ batch: WriteBatch) throws(StorageError) {
        guard !batch.isEmpty else { return }
        do {
            try whileOpen { try writeOpen(batch) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .io(path: path, detail: "\(error)")
        }
    }

    private func writeOpen(_ batch: WriteBatch) throws(StorageError) {
        let native = rocksdb_writebatch_create()
        defer { rocksdb_writebatch_destroy(native) }
        for operation in batch.operations {
            withCBytes(operation.key) { key, keyLength in
                if let value = operation.value {
                    withCBytes(value) { rocksdb_writebatch_put(native, key, keyLength, $0, $1) }
                } else {
                    rocksdb_writebatch_delete(native, key, keyLength)
                }
            }
        }
        var error: UnsafeMutablePointer<CChar>?
        rocksdb_write(database, writeOptions, native, &error)
        if let failure = Self.consume(error, path: path) { throw failure }
    }

    public func snapshot() -> any KeyValueReader {
        RocksDBSnapshot(store: self, snapshot: rocksdb_create_snapshot(database))
    }

    public func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        try whileOpen { try Self.forEach(prefix: prefix, database: database, readOptions: readOptions, path: path, body) }
    }

    // MARK: Shared by the store and its snapshots

    static func get(_ key: [UInt8], database: OpaquePointer, readOptions: OpaquePointer, path: String) throws(StorageError) -> [UInt8]? {
        var length = 0
        var error: UnsafeMutablePointer<CChar>?
        let value = withCBytes(key) { rocksdb_get(database, readOptions, $0, $1, &length, &error) }
        if let failure = consume(error, path: path) { throw failure }
        guard let value else { return nil }
        defer { rocksdb_free(value) }
        return [UInt8](UnsafeRawBufferPointer(start: value, count: length))
    }

    static func forEach(prefix: [UInt8], database: OpaquePointer, readOptions: OpaquePointer, path: String,
                        _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        let iterator = rocksdb_create_iterator(database, readOptions)
        defer { rocksdb_iter_destroy(iterator) }
        withCBytes(prefix) { rocksdb_iter_seek(iterator, $0, $1) }
        while rocksdb_iter_valid(iterator) != 0 {
            var keyLength = 0
            var valueLength = 0
            let key = [UInt8](UnsafeRawBufferPointer(start: rocksdb_iter_key(iterator, &keyLength), count: keyLength))
            guard key.starts(with: prefix) else { break }
            let value = [UInt8](UnsafeRawBufferPointer(start: rocksdb_iter_value(iterator, &valueLength), count: valueLength))
            guard try body(key, value) else { return }
            rocksdb_iter_next(iterator)
        }
        var error: UnsafeMutablePointer<CChar>?
        rocksdb_iter_get_error(iterator, &error)
        if let failure = consume(error, path: path) { throw failure }
    }

    /// Turns RocksDB's error string (freeing it) into a typed error.
    static func consume(_ error: UnsafeMutablePointer<CChar>?, path: String) -> StorageError? {
        guard let error else { return nil }
        let message = String(cString: error)
        rocksdb_free(error)
        if message.contains("lock") && (message.contains("Resource temporarily unavailable") || message.contains("No locks available")
                                        || message.contains("lock hold by current process")) {
            return .locked(path: path)
        }
        if message.contains("No space left on device") { return .diskFull(path: path) }
        if message.hasPrefix("Corruption") { return .corrupt(path: path, detail: message) }
        if message.contains("does not exist") { return .cannotOpen(path: path, detail: message) }
        return .io(path: path, detail: message)
    }
}

/// A point-in-time view of a ``RocksDBStore``; keeps the store open while it lives.
final class RocksDBSnapshot: KeyValueReader, @unchecked Sendable {
    private let store: RocksDBStore
    private let snapshot: OpaquePointer
    private let readOptions: OpaquePointer
    private let database: OpaquePointer

    init(store: RocksDBStore, snapshot: OpaquePointer) {
        self.store = store
        self.snapshot = snapshot
        database = store.databaseHandle
        readOptions = rocksdb_readoptions_create()
        rocksdb_readoptions_set_snapshot(readOptions, snapshot)
    }

    deinit {
        rocksdb_readoptions_destroy(readOptions)
        rocksdb_release_snapshot(database, snapshot)
    }

    func get(_ key: [UInt8]) throws(StorageError) -> [UInt8]? {
        try RocksDBStore.get(key, database: database, readOptions: readOptions, path: store.path)
    }

    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        try RocksDBStore.forEach(prefix: prefix, database: database, readOptions: readOptions, path: store.path, body)
    }
}

extension RocksDBStore {
    var databaseHandle: OpaquePointer { database }
}

/// Calls `body` with `bytes` as the `(const char *, size_t)` pair RocksDB's C API takes.
private func withCBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) -> R) -> R {
    bytes.withUnsafeBytes { raw in body(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count) }
}
