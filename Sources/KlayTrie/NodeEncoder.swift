import KlayPrimitives

/// Encodes nodes as RLP into one reusable writer, hashing and storing only what changed.
///
/// Hashing is post-order: a stale node's children are brought up to date first, then the node is
/// encoded once, referring to each child by its cached hash, or embedding the child's RLP when it is
/// under 32 bytes (re-encoding such a child is cheaper than keeping its bytes). Nodes whose cache is
/// current are skipped with their whole subtree, so after a few updates only the changed paths are hashed.
struct NodeEncoder {
    private var writer = RLPWriter(capacity: 1024)

    /// The root hash of the trie whose root is `root`: the hash of the root's RLP, whatever its size.
    mutating func rootHash(of root: TrieNode) -> Hash {
        switch root {
        case .hash(let hash):
            return hash
        case .short(let short):
            refresh(root)
            if case .hashed(let hash) = short.cache { return hash }
        case .full(let full):
            refresh(root)
            if case .hashed(let hash) = full.cache { return hash }
        case .empty, .value:
            break
        }
        encode(root)
        return writer.withUnsafeBytes { Keccak256.hash($0) }
    }

    /// Brings the cache of `node` and of everything below it up to date.
    mutating func refresh(_ node: TrieNode) {
        switch node {
        case .short(let short):
            guard case .stale = short.cache else { return }
            refresh(short.child)
            encode(node)
            short.cache = cacheForEncoding()
        case .full(let full):
            guard case .stale = full.cache else { return }
            full.withChildren { children in
                for child in children { refresh(child) }
            }
            encode(node)
            full.cache = cacheForEncoding()
        case .empty, .value, .hash:
            return
        }
    }

    /// Writes every node below `root` that the store does not hold yet, and the root itself, to `sink`;
    /// returns the root hash.
    mutating func commit(_ root: TrieNode, to sink: some TrieNodeSink) -> Hash {
        let hash = rootHash(of: root)
        persist(root, rootHash: hash, to: sink)
        return hash
    }

    /// The RLP of `node` (whose cache must be current), as an array.
    mutating func encoded(_ node: TrieNode) -> [UInt8] {
        encode(node)
        return writer.bytes
    }

    /// Writes `node`'s unstored descendants, then `node` if it is hashed or is the root (`rootHash` set).
    private mutating func persist(_ node: TrieNode, rootHash: Hash?, to sink: some TrieNodeSink) {
        let hash: Hash?
        switch node {
        case .short(let short):
            guard !short.isPersisted else { return }
            persist(short.child, rootHash: nil, to: sink)
            short.isPersisted = true
            hash = Self.storedHash(short.cache, rootHash: rootHash)
        case .full(let full):
            guard !full.isPersisted else { return }
            full.withChildren { children in
                for child in children { persist(child, rootHash: nil, to: sink) }
            }
            full.isPersisted = true
            hash = Self.storedHash(full.cache, rootHash: rootHash)
        case .empty, .value, .hash:
            return
        }
        guard let hash else { return }
        encode(node)
        writer.withUnsafeBytes { sink.write(hash: hash, rlp: $0) }
    }

    /// The hash a node is stored under: its own if it is hashed, the root hash if it is an embedded-size root.
    private static func storedHash(_ cache: NodeCache, rootHash: Hash?) -> Hash? {
        if case .hashed(let hash) = cache { return hash }
        return rootHash
    }

    /// Replaces the writer's contents with the RLP of `node`.
    private mutating func encode(_ node: TrieNode) {
        writer.reset()
        append(node)
    }

    /// The cache entry for the node just encoded.
    private func cacheForEncoding() -> NodeCache {
        writer.count >= 32 ? .hashed(writer.withUnsafeBytes { Keccak256.hash($0) }) : .embedded
    }

    /// Appends the RLP of a short or full node; any other slot is appended as its reference.
    private mutating func append(_ node: TrieNode) {
        switch node {
        case .short(let short):
            let marker = writer.beginList()
            writer.append(bytes: HexPrefix(nibbles: short.key, isLeaf: short.isLeaf))
            appendReference(short.child)
            writer.endList(marker)
        case .full(let full):
            let marker = writer.beginList()
            full.withChildren { children in
                for child in children { appendReference(child) }
            }
            writer.append(bytes: full.value ?? [])
            writer.endList(marker)
        case .empty, .value, .hash:
            appendReference(node)
        }
    }

    /// Appends how a parent refers to `node`: its hash when it has one, otherwise its RLP inline.
    private mutating func appendReference(_ node: TrieNode) {
        switch node {
        case .empty:
            writer.append(bytes: [])
        case .value(let value):
            writer.append(bytes: value)
        case .hash(let hash):
            appendHash(hash)
        case .short(let short):
            if case .hashed(let hash) = short.cache { appendHash(hash) } else { append(node) }
        case .full(let full):
            if case .hashed(let hash) = full.cache { appendHash(hash) } else { append(node) }
        }
    }

    private mutating func appendHash(_ hash: Hash) {
        hash.withUnsafeBytes { writer.append(bytes: $0) }
    }
}
