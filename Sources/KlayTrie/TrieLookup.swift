import KlayPrimitives

extension Trie {
    /// Follows `path` from `start` and returns the value at its end, or nil where the path leaves the trie.
    ///
    /// Nodes referenced by hash are obtained from `load` and kept in their parent, so a later walk does not
    /// load them again. `visit` sees every short and full node on the way, root first.
    static func lookup(
        _ path: [UInt8],
        from start: TrieNode,
        load: (Hash) throws(TrieError) -> TrieNode,
        visit: (TrieNode) -> Void = { _ in }
    ) throws(TrieError) -> [UInt8]? {
        var node = start
        var depth = 0
        while true {
            switch node {
            case .empty:
                return nil
            case .value(let value):
                return depth == path.count ? value : nil
            case .hash(let hash):
                node = try load(hash)
            case .short(let short):
                visit(node)
                guard Nibbles.commonPrefixLength(short.key, path, from: depth) == short.key.count else { return nil }
                depth += short.key.count
                if case .hash(let hash) = short.child { short.child = try load(hash) }
                node = short.child
            case .full(let full):
                visit(node)
                guard depth < path.count else { return full.value }
                let nibble = Int(path[depth])
                depth += 1
                if case .hash(let hash) = full[nibble] { full[nibble] = try load(hash) }
                node = full[nibble]
            }
        }
    }
}
