extension Trie {
    /// Removes the key whose nibbles are `path` from the subtree at `node`, which sits `depth` nibbles down,
    /// collapsing nodes left with a single entry. Returns whether anything changed.
    ///
    /// Any node a collapse needs is loaded before anything is changed, so if loading fails, `node` is left
    /// as it was.
    @discardableResult
    func delete(_ path: [UInt8], depth: Int, from node: inout TrieNode) throws(TrieError) -> Bool {
        switch node {
        case .empty:
            return false
        case .hash(let hash):
            node = try resolver.load(hash)
            return try delete(path, depth: depth, from: &node)
        case .value:
            preconditionFailure("a value is reached only through its leaf")
        case .short(var short):
            node = .empty
            if !isKnownUniquelyReferenced(&short) { short = ShortNode(copying: short) }
            do {
                let replacement = try delete(path, depth: depth, from: short)
                node = replacement ?? .short(short)
                return replacement != nil
            } catch {
                node = .short(short)
                throw error
            }
        case .full(var full):
            node = .empty
            if !isKnownUniquelyReferenced(&full) { full = FullNode(copying: full) }
            do {
                let replacement = try delete(path, depth: depth, from: full)
                node = replacement ?? .full(full)
                return replacement != nil
            } catch {
                node = .full(full)
                throw error
            }
        }
    }

    /// Deletes from a uniquely held short node; returns the node that replaces it, or nil if nothing changed.
    private func delete(_ path: [UInt8], depth: Int, from short: ShortNode) throws(TrieError) -> TrieNode? {
        let match = Nibbles.commonPrefixLength(short.key, path, from: depth)
        guard match == short.key.count else { return nil }
        if short.isLeaf {
            return depth + match == path.count ? .empty : nil
        }
        guard try delete(path, depth: depth + match, from: &short.child) else { return nil }
        switch short.child {
        case .empty:
            return .empty
        case .short(let child):
            // The branch below collapsed into a short node: join the two keys.
            return .short(ShortNode(key: short.key + child.key, child: child.child))
        case .full, .hash, .value:
            short.markChanged()
            return .short(short)
        }
    }

    /// Deletes from a uniquely held branch; returns the node that replaces it, or nil if nothing changed.
    private func delete(_ path: [UInt8], depth: Int, from full: FullNode) throws(TrieError) -> TrieNode? {
        if depth == path.count {
            guard full.value != nil else { return nil }
            try loadSoleSibling(in: full, keeping: nil)
            full.value = nil
        } else {
            let nibble = Int(path[depth])
            guard !full[nibble].isEmpty else { return nil }
            try loadSoleSibling(in: full, keeping: nibble)
            let changed = try full.withChildren { (children) throws(TrieError) in
                try delete(path, depth: depth + 1, from: &children[nibble])
            }
            guard changed else { return nil }
        }
        full.markChanged()
        return collapsed(full)
    }

    /// When `full` has exactly two entries, loads the one other than `target` (a child nibble, or nil for
    /// the value) if it is referenced by hash, so a collapse after the deletion needs no loading.
    private func loadSoleSibling(in full: FullNode, keeping target: Int?) throws(TrieError) {
        guard full.entryCount == 2 else { return }
        try full.withChildren { (children) throws(TrieError) in
            for nibble in 0..<16 where nibble != target {
                if case .hash(let hash) = children[nibble] {
                    children[nibble] = try resolver.load(hash)
                }
            }
        }
    }

    /// `full` itself if it still has two entries or more, otherwise what takes its place.
    private func collapsed(_ full: FullNode) -> TrieNode {
        switch full.entryCount {
        case 0:
            return .empty
        case 1:
            break
        default:
            return .full(full)
        }
        if let value = full.value {
            return .short(ShortNode(key: [], child: .value(value)))
        }
        return full.withChildren { children in
            for nibble in 0..<16 {
                switch children[nibble] {
                case .empty:
                    continue
                case .short(let child):
                    return .short(ShortNode(key: [UInt8(nibble)] + child.key, child: child.child))
                case let onlyChild:
                    return .short(ShortNode(key: [UInt8(nibble)], child: onlyChild))
                }
            }
            return .empty
        }
    }
}
