import KlayPrimitives
import Synchronization

/// A node store in a dictionary, for tests and throwaway tries; safe to share between threads.
public final class InMemoryTrieNodeStore: TrieNodeSource, TrieNodeSink, Sendable {
    private let storage: Mutex<[Hash: [UInt8]]>

    /// A store holding `nodes` (RLP by hash).
    public init(nodes: [Hash: [UInt8]] = [:]) {
        storage = Mutex(nodes)
    }

    /// Every stored node, RLP by hash.
    public var nodes: [Hash: [UInt8]] {
        storage.withLock { $0 }
    }

    public func read(hash: Hash) -> [UInt8]? {
        storage.withLock { $0[hash] }
    }

    public func write(hash: Hash, rlp: UnsafeRawBufferPointer) {
        let bytes = Array(rlp)
        storage.withLock { $0[hash] = bytes }
    }
}
