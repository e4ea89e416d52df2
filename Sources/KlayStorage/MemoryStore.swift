import Synchronization

/// An in-memory ``KeyValueStore``: for tests and for a dev chain without a data directory.
/// Thread-safe; iteration sorts the matching keys, which is fine at the sizes it is meant for.
public final class MemoryStore: KeyValueStore {
    private let entries = Mutex<[[UInt8]: [UInt8]]>([:])

    public init() {}

    /// The number of keys stored.
    public var count: Int { entries.withLock { $0.count } }

    public func get(_ key: [UInt8]) throws(StorageError) -> [UInt8]? {
        entries.withLock { $0[key] }
    }

    public func put(_ key: [UInt8], _ value: [UInt8]) throws(StorageError) {
        entries.withLock { $0[key] = value }
    }

    public func delete(_ key: [UInt8]) throws(StorageError) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    public func write(_ batch: WriteBatch) throws(StorageError) {
        entries.withLock { entries in
            for operation in batch.operations { entries[operation.key] = operation.value }
        }
    }

    public func snapshot() -> any KeyValueReader {
        MemorySnapshot(entries: entries.withLock { $0 })
    }

    public func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        try MemorySnapshot(entries: entries.withLock { $0 }).forEach(prefix: prefix, body)
    }
}

/// A frozen copy of a ``MemoryStore``'s contents.
struct MemorySnapshot: KeyValueReader {
    let entries: [[UInt8]: [UInt8]]

    func get(_ key: [UInt8]) throws(StorageError) -> [UInt8]? { entries[key] }

    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        let keys = entries.keys.filter { $0.starts(with: prefix) }.sorted { $0.lexicographicallyPrecedes($1) }
        for key in keys where try !body(key, entries[key]!) { return }
    }
}
