/// A branch node: 16 children, one per next key nibble, and the value of a key that ends here.
///
/// The children live in a fixed-size tuple inside the object, so a branch is one allocation; they are
/// reached through a pointer to the tuple's contiguous storage.
final class FullNode {
    typealias Children = (
        TrieNode, TrieNode, TrieNode, TrieNode, TrieNode, TrieNode, TrieNode, TrieNode,
        TrieNode, TrieNode, TrieNode, TrieNode, TrieNode, TrieNode, TrieNode, TrieNode
    )

    private var children: Children = (
        .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty,
        .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty
    )
    var value: [UInt8]?
    var cache: NodeCache
    /// Whether the store already holds this node and everything below it.
    var isPersisted: Bool

    init(cache: NodeCache = .stale, isPersisted: Bool = false) {
        self.cache = cache
        self.isPersisted = isPersisted
    }

    /// A copy for a trie that shares this node with another (copy-on-write).
    init(copying other: FullNode) {
        children = other.children
        value = other.value
        cache = other.cache
        isPersisted = other.isPersisted
    }

    /// Calls `body` with the 16 child slots.
    func withChildren<R, E: Error>(_ body: (UnsafeMutableBufferPointer<TrieNode>) throws(E) -> R) throws(E) -> R {
        try withUnsafeMutablePointer(to: &children) { (tuple) throws(E) -> R in
            try tuple.withMemoryRebound(to: TrieNode.self, capacity: 16) { (slots) throws(E) -> R in
                try body(UnsafeMutableBufferPointer(start: slots, count: 16))
            }
        }
    }

    /// The child for `nibble` (0...15).
    subscript(nibble: Int) -> TrieNode {
        get { withChildren { $0[nibble] } }
        set { withChildren { $0[nibble] = newValue } }
    }

    /// How many children and values the branch holds.
    var entryCount: Int {
        withChildren { slots in slots.reduce(value == nil ? 0 : 1) { $1.isEmpty ? $0 : $0 + 1 } }
    }

    /// Records that the node changed: its hash must be recomputed and it must be stored again.
    func markChanged() {
        cache = .stale
        isPersisted = false
    }
}
