import KlayPrimitives
import KlayStorage
import KlayTrie

/// A state that survives crashes: a ``StateDB`` over the tries in a store, whose root is kept under the
/// head pointer ``headRootKey``. Each ``commit(adding:)`` writes the changed trie nodes, new code, the
/// new head root and the caller's own writes in one batch, so after a kill the store holds exactly the
/// last committed state, never part of one.
///
/// Used by one task at a time, like its ``StateDB``.
public final class PersistentState {
    /// The head pointer: `m ‖ "stateRoot"` → the root of the last committed state (32 bytes).
    public static let headRootKey = StorageTable.metadata.key(Array("stateRoot".utf8))

    public let store: any KeyValueStore
    /// The state to read and change; ``commit(adding:)`` persists its changes.
    public let state: StateDB
    /// The root of the last committed state.
    public private(set) var root: Hash
    private let backend: TrieStateBackend
    /// Why a commit failed after the tries had counted its nodes as stored; later commits refuse to run.
    private var failure: (any Error)?
    /// The root and node writes of a ``stage()`` not yet written.
    private var staged: (root: Hash, nodes: WriteBatch)?

    /// Opens the state at the head root of `store` (the empty state if it has none).
    public init(store: any KeyValueStore, encoding: TrieStateBackend.AccountEncoding = .klaytn) throws {
        self.store = store
        root = try Self.headRoot(in: store) ?? Trie.emptyRoot
        backend = try TrieStateBackend(store: store, root: root, encoding: encoding, defersWrites: true)
        state = StateDB(backend: backend)
    }

    /// Opens (or creates) the RocksDB database in folder `path` and the state at its head root.
    public convenience init(path: String, options: RocksDBStore.Options = RocksDBStore.Options()) throws {
        try self.init(store: RocksDBStore(path: path, options: options))
    }

    /// The head root stored in `store`, or nil if nothing was committed yet.
    public static func headRoot(in store: any KeyValueReader) throws -> Hash? {
        guard let bytes = try store.get(headRootKey) else { return nil }
        return try Hash(bytes: bytes)
    }

    /// Commits the changes of ``state``, then writes them with the new head root and whatever `addWrites`
    /// puts into the batch (it is given the new root, e.g. for the block header) in one atomic write.
    /// Returns the new root. After a failure the instance refuses further commits: reopen the store.
    @discardableResult
    public func commit(adding addWrites: (_ root: Hash, _ batch: inout WriteBatch) throws -> Void = { _, _ in }) throws -> Hash {
        let newRoot = try stage()
        try writeStaged { batch in try addWrites(newRoot, &batch) }
        return newRoot
    }

    /// The first half of a commit: hashes the changes of ``state`` into the tries and returns the new
    /// root, holding the node writes in memory. Nothing reaches the store until ``writeStaged(adding:)``;
    /// to abandon the staged state (a block that turned out invalid), reopen the store instead.
    public func stage() throws -> Hash {
        if let failure { throw failure }
        do {
            let newRoot = try state.commit()
            staged = (newRoot, backend.takePendingWrites())
            return newRoot
        } catch {
            failure = error
            throw error
        }
    }

    /// The second half of a commit: writes the staged nodes and code, the new head root and the caller's
    /// writes in one batch.
    public func writeStaged(adding addWrites: (_ batch: inout WriteBatch) throws -> Void = { _ in }) throws {
        if let failure { throw failure }
        guard let (newRoot, nodes) = staged else { throw PersistentStateError.nothingStaged }
        do {
            var batch = nodes
            batch.put(Self.headRootKey, newRoot.bytes)
            try addWrites(&batch)
            try store.write(batch)
            staged = nil
            root = newRoot
        } catch {
            failure = error
            throw error
        }
    }
}

/// Misuse of ``PersistentState``'s two-step commit.
public enum PersistentStateError: Error, Sendable, CustomStringConvertible {
    case nothingStaged

    public var description: String { "no staged state to write: call stage() first" }
}
