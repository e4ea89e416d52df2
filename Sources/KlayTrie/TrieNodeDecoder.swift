import KlayPrimitives

/// Turns the RLP of a stored node back into a node, rejecting anything a valid trie cannot contain.
///
/// Decoded nodes count as already stored: the top node caches the hash it was loaded by, and the
/// children embedded in it (those under 32 bytes) are marked embedded. Children referenced by hash
/// stay unloaded until a walk reaches them.
enum TrieNodeDecoder {
    /// Decodes `rlp`, the node stored under `hash`.
    static func decode(_ rlp: [UInt8], hash: Hash) throws(TrieError) -> TrieNode {
        do throws(TrieNodeDecodingError) {
            var reader = RLPReader(rlp)
            let node = try decodeNode(&reader, cache: .hashed(hash))
            try readRLP { () throws(RLPError) in try reader.finish() }
            return node
        } catch {
            throw .malformedNode(hash, error)
        }
    }

    /// Reads one node (a list of 2 or 17 items).
    private static func decodeNode(_ reader: inout RLPReader, cache: NodeCache) throws(TrieNodeDecodingError) -> TrieNode {
        var items = try readRLP { () throws(RLPError) in try reader.readList() }
        switch try itemCount(items) {
        case 2: return try decodeShort(&items, cache: cache)
        case 17: return try decodeFull(&items, cache: cache)
        case let count: throw .wrongItemCount(count)
        }
    }

    /// Counts a list's items, stopping once there are more than a branch has.
    private static func itemCount(_ items: RLPReader) throws(TrieNodeDecodingError) -> Int {
        var counter = items
        var count = 0
        while !counter.isAtEnd, count <= 17 {
            _ = try readRLP { () throws(RLPError) in try counter.readRaw() }
            count += 1
        }
        return count
    }

    private static func decodeShort(_ items: inout RLPReader, cache: NodeCache) throws(TrieNodeDecodingError) -> TrieNode {
        let compactKey = try readRLP { () throws(RLPError) in try items.readBytes() }
        guard let (nibbles, isLeaf) = HexPrefix.decode(compactKey) else { throw .invalidCompactKey }
        let child: TrieNode
        if isLeaf {
            let value = try readRLP { () throws(RLPError) in try items.readBytes() }
            guard !value.isEmpty else { throw .emptyLeafValue }
            child = .value(Array(value))
        } else {
            child = try decodeReference(&items)
            switch child {
            case .hash, .full: guard !nibbles.isEmpty else { throw .invalidExtension }
            case .empty, .value, .short: throw .invalidExtension
            }
        }
        return .short(ShortNode(key: nibbles, child: child, cache: cache, isPersisted: true))
    }

    private static func decodeFull(_ items: inout RLPReader, cache: NodeCache) throws(TrieNodeDecodingError) -> TrieNode {
        let node = FullNode(cache: cache, isPersisted: true)
        try node.withChildren { (slots) throws(TrieNodeDecodingError) in
            for nibble in 0..<16 {
                slots[nibble] = try decodeReference(&items)
            }
        }
        let value = try readRLP { () throws(RLPError) in try items.readBytes() }
        node.value = value.isEmpty ? nil : Array(value)
        return .full(node)
    }

    /// Reads a child reference: empty, a 32-byte hash, or a node under 32 bytes embedded as a list.
    private static func decodeReference(_ items: inout RLPReader) throws(TrieNodeDecodingError) -> TrieNode {
        if items.peekKind == .list {
            let embedded = try readRLP { () throws(RLPError) in try items.readRaw() }
            guard embedded.count < 32 else { throw .oversizedEmbeddedNode(length: embedded.count) }
            var reader = RLPReader(embedded)
            return try decodeNode(&reader, cache: .embedded)
        }
        let bytes = try readRLP { () throws(RLPError) in try items.readBytes() }
        switch bytes.count {
        case 0: return .empty
        case Hash.byteCount: return .hash(bytes.withUnsafeBytes { Hash(unsafeBytes: $0.baseAddress!) })
        default: throw .invalidReferenceLength(bytes.count)
        }
    }

    /// Runs an RLP read, reporting its failure as a node decoding error.
    private static func readRLP<T>(_ read: () throws(RLPError) -> T) throws(TrieNodeDecodingError) -> T {
        do {
            return try read()
        } catch {
            throw .rlp(error)
        }
    }
}
