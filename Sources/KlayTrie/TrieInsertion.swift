extension Trie {
    /// Stores `value` (not empty) under the key whose nibbles are `path`, in the subtree at `node`, which
    /// sits `depth` nibbles down. Returns whether anything changed.
    ///
    /// Nodes held only by this trie are changed in place; one shared with a copy of the trie is copied
    /// first. If loading a node fails, `node` is left as it was.
    @discardableResult
    func insert(_ value: [UInt8], at path: [UInt8], depth: Int, into node: inout TrieNode) throws(TrieError) -> Bool {
        switch node {
        case .empty:
            node = .short(ShortNode(key: Array(path[depth...]), child: .value(value)))
            return true
        case .hash(let hash):
            node = try resolver.load(hash)
            return try insert(value, at: path, depth: depth, into: &node)
        case .value:
            preconditionFailure("a value is reached only through its leaf")
        case .short(var short):
            node = .empty
            if !isKnownUniquelyReferenced(&short) { short = ShortNode(copying: short) }
            do {
                let replacement = try insert(value, at: path, depth: depth, into: short)
                node = replacement ?? .short(short)
                return replacement != nil
            } catch {
                node = .short(short)
                throw error
            }
        case .full(var full):
            node = .empty
            if !isKnownUniquelyReferenced(&full) { full = FullNode(copying: full) }
            defer { node = .full(full) }
            return try insert(value, at: path, depth: depth, into: full)
        }
    }

    /// Inserts into a uniquely held short node; returns the node that replaces it, or nil if nothing changed.
    private func insert(_ value: [UInt8], at path: [UInt8], depth: Int, into short: ShortNode) throws(TrieError) -> TrieNode? {
        let match = Nibbles.commonPrefixLength(short.key, path, from: depth)
        if match == short.key.count {
            switch short.child {
            case .value(let old) where depth + match == path.count:
                guard old != value else { return nil }
                short.child = .value(value)
                short.markChanged()
                return .short(short)
            case .value:
                break  // the new key runs past this leaf: split below, the old value going into the branch
            default:
                guard try insert(value, at: path, depth: depth + match, into: &short.child) else { return nil }
                short.markChanged()
                return .short(short)
            }
        }
        return split(short, at: match, inserting: value, at: path, depth: depth)
    }

    /// Replaces `short` by a branch at `match` nibbles into its key (under an extension for the shared
    /// part, if any) holding both the old content and the new value.
    private func split(_ short: ShortNode, at match: Int, inserting value: [UInt8], at path: [UInt8], depth: Int) -> TrieNode {
        let branch = FullNode()
        let sharedKey = Array(short.key[..<match])
        if match == short.key.count, case .value(let old) = short.child {
            branch.value = old
        } else {
            let nibble = Int(short.key[match])
            short.key.removeFirst(match + 1)
            if short.key.isEmpty, !short.isLeaf {
                branch[nibble] = short.child
            } else {
                short.markChanged()
                branch[nibble] = .short(short)
            }
        }
        let branchDepth = depth + match
        if branchDepth == path.count {
            branch.value = value
        } else {
            let leaf = ShortNode(key: Array(path[(branchDepth + 1)...]), child: .value(value))
            branch[Int(path[branchDepth])] = .short(leaf)
        }
        return sharedKey.isEmpty ? .full(branch) : .short(ShortNode(key: sharedKey, child: .full(branch)))
    }

    /// Inserts into a uniquely held branch, which stays a branch; returns whether anything changed.
    private func insert(_ value: [UInt8], at path: [UInt8], depth: Int, into full: FullNode) throws(TrieError) -> Bool {
        if depth == path.count {
            guard full.value != value else { return false }
            full.value = value
        } else {
            let nibble = Int(path[depth])
            let changed = try full.withChildren { (children) throws(TrieError) in
                try insert(value, at: path, depth: depth + 1, into: &children[nibble])
            }
            guard changed else { return false }
        }
        full.markChanged()
        return true
    }
}
