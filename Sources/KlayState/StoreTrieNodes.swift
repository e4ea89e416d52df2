import KlayPrimitives
import KlayStorage
import KlayTrie

/// Trie nodes kept in a ``KeyValueStore`` under ``StorageTable/trieNode``: reads go to the store, and
/// writes collect into a batch so that a whole commit lands atomically.
final class StoreTrieNodes: TrieNodeSource, TrieNodeSink {
    let store: any KeyValueStore
    /// Nodes written since the last ``takeBatch()``.
    private(set) var batch = WriteBatch()
    /// Nodes written but not yet flushed, so a trie can read back what it just committed.
    private var pending: [Hash: [UInt8]] = [:]
    /// The first read error from the store (a missing node is then reported by the trie).
    private(set) var readError: StorageError?

    init(store: any KeyValueStore) {
        self.store = store
    }

    static func key(_ hash: Hash) -> [UInt8] { StorageTable.trieNode.key(hash.bytes) }

    func read(hash: Hash) -> [UInt8]? {
        if let node = pending[hash] { return node }
        do {
            return try store.get(Self.key(hash))
        } catch {
            if readError == nil { readError = error }
            return nil
        }
    }

    func write(hash: Hash, rlp: UnsafeRawBufferPointer) {
        let node = Array(rlp)
        pending[hash] = node
        batch.put(Self.key(hash), node)
    }

    /// Adds a non-node write (code) to the same batch.
    func put(_ key: [UInt8], _ value: [UInt8]) { batch.put(key, value) }

    /// Hands over the collected writes and starts a new batch.
    func takeBatch() -> WriteBatch {
        let taken = batch
        batch = WriteBatch()
        pending.removeAll(keepingCapacity: true)
        return taken
    }
}
