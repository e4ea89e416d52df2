import KlayPrimitives

/// Why a trie operation or proof check failed.
public enum TrieError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The node store has no node under a hash the trie refers to.
    case missingNode(Hash)
    /// The bytes stored (or given in a proof) under this hash are not a valid trie node.
    case malformedNode(Hash, TrieNodeDecodingError)
    /// A proof lacks the node with this hash, which the path to the key passes through:
    /// the proof is incomplete, tampered with, or made for another root or key.
    case incompleteProof(missing: Hash)
    /// Iteration reached a value at a path of an odd number of nibbles, which no byte key leads to,
    /// so the stored nodes do not form a consistent trie.
    case valueAtOddLengthPath

    public var description: String {
        switch self {
        case .missingNode(let hash): return "trie: missing node \(hash)"
        case .malformedNode(let hash, let reason): return "trie: malformed node \(hash): \(reason)"
        case .incompleteProof(let hash): return "trie: proof has no node \(hash) on the path to the key"
        case .valueAtOddLengthPath: return "trie: value at a path of an odd number of nibbles"
        }
    }
}

/// What is wrong with the RLP of a trie node.
public enum TrieNodeDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not canonical RLP of the expected shape.
    case rlp(RLPError)
    /// A node is a list of 2 (extension or leaf) or 17 (branch) items; this one has another count.
    case wrongItemCount(Int)
    /// A short node's key has an unknown hex-prefix flag or non-zero padding.
    case invalidCompactKey
    /// An extension with an empty key or no child, or whose embedded child is not a branch.
    case invalidExtension
    /// A leaf whose value is empty (an empty value means the key is absent).
    case emptyLeafValue
    /// A child reference that is a byte string of neither 0 nor 32 bytes.
    case invalidReferenceLength(Int)
    /// An embedded child whose RLP is 32 bytes or more, so it should have been referenced by hash.
    case oversizedEmbeddedNode(length: Int)

    public var description: String {
        switch self {
        case .rlp(let error): return error.description
        case .wrongItemCount(let count): return "node is a list of \(count) items, want 2 or 17"
        case .invalidCompactKey: return "invalid hex-prefix key"
        case .invalidExtension: return "extension node with an empty key or a child that is not a branch"
        case .emptyLeafValue: return "leaf with an empty value"
        case .invalidReferenceLength(let length): return "child reference of \(length) bytes, want 0 or 32"
        case .oversizedEmbeddedNode(let length): return "embedded node of \(length) bytes, want under 32"
        }
    }
}
