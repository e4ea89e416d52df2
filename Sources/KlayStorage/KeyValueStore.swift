/// The node's persistence interface: an ordered byte-key → byte-value map with atomic batches,
/// prefix iteration and point-in-time snapshots. The trie, the state and the chain database all sit on
/// it; ``RocksDBStore`` is the on-disk backend and ``MemoryStore`` the in-memory one (tests, `klay dev`
/// without a data directory).
///
/// Keys of different tables share one keyspace, separated by the one-byte prefixes of ``StorageTable``.
public protocol KeyValueStore: KeyValueReader {
    /// Writes one value.
    func put(_ key: [UInt8], _ value: [UInt8]) throws(StorageError)
    /// Removes one key (no error if it is absent).
    func delete(_ key: [UInt8]) throws(StorageError)
    /// Applies every operation of `batch` at once: after a crash either all of them are visible or none.
    func write(_ batch: WriteBatch) throws(StorageError)
    /// A consistent read-only view of the store as it is now; later writes do not show through it.
    func snapshot() -> any KeyValueReader
}

/// Reading from a store or a snapshot of one.
public protocol KeyValueReader: Sendable {
    /// The value of `key`, or nil.
    func get(_ key: [UInt8]) throws(StorageError) -> [UInt8]?
    /// Calls `body` with every key starting with `prefix` (and its value) in ascending byte order,
    /// until `body` returns false.
    func forEach(prefix: [UInt8], _ body: (_ key: [UInt8], _ value: [UInt8]) throws -> Bool) throws
}

extension KeyValueReader {
    /// Whether `key` has a value.
    public func contains(_ key: [UInt8]) throws(StorageError) -> Bool { try get(key) != nil }
}
