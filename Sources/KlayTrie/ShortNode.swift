/// An extension or leaf node: a run of key nibbles shared by everything below it, then one child.
///
/// The node is a leaf when its child is a ``TrieNode/value(_:)``; otherwise it is an extension and its
/// child is a branch. Nibbles are kept one per byte (0...15), without Ethereum's terminator nibble:
/// the child's kind already says whether the node is a leaf.
final class ShortNode {
    var key: [UInt8]
    var child: TrieNode
    var cache: NodeCache
    /// Whether the store already holds this node and everything below it.
    var isPersisted: Bool

    init(key: [UInt8], child: TrieNode, cache: NodeCache = .stale, isPersisted: Bool = false) {
        self.key = key
        self.child = child
        self.cache = cache
        self.isPersisted = isPersisted
    }

    /// A copy for a trie that shares this node with another (copy-on-write).
    init(copying other: ShortNode) {
        key = other.key
        child = other.child
        cache = other.cache
        isPersisted = other.isPersisted
    }

    var isLeaf: Bool {
        if case .value = child { return true }
        return false
    }

    /// Records that the node changed: its hash must be recomputed and it must be stored again.
    func markChanged() {
        cache = .stale
        isPersisted = false
    }
}
