import KlayPrimitives

/// One slot of the trie: nothing, a node, a stored value, or a reference to a node not yet loaded.
///
/// Branch and extension/leaf nodes are final classes so that a slot is a single pointer and a node
/// can be updated in place; the enum itself is 33 bytes because `hash` keeps its 32 bytes inline,
/// which lets a branch decoded from the store hold its 16 child hashes without 16 more allocations.
enum TrieNode {
    /// No node: an empty trie or an unused branch slot.
    case empty
    /// A stored value; only ever the child of a leaf.
    case value([UInt8])
    /// A node in the store that has not been loaded yet.
    case hash(Hash)
    /// An extension (its child is a branch) or a leaf (its child is a value).
    case short(ShortNode)
    /// A branch with 16 children and an optional value.
    case full(FullNode)

    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

/// What a node knows about its own encoding.
enum NodeCache {
    /// The node changed since it was last hashed.
    case stale
    /// The node's RLP is under 32 bytes, so its parent embeds it instead of hashing it.
    case embedded
    /// The node's RLP is 32 bytes or more and hashes to this value (or the node is a root loaded by this hash).
    case hashed(Hash)
}
