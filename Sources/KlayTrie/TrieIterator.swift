/// Walks a trie's entries in increasing key order, loading stored nodes as it reaches them.
///
/// Nodes it loads are not kept in the trie, so iterating over a large stored trie does not pull it
/// into memory. Use it as `while let (key, value) = try iterator.next() { … }`.
public struct TrieIterator {
    /// A node on the path to the current position, and which of its parts comes next.
    private struct Frame {
        var node: TrieNode
        /// The length of the nibble path that leads to `node`.
        var pathLength: Int
        /// For a branch, -1 (its value), then children 0...15, then 16 (done); for a short node, -1 until visited.
        var next: Int
    }

    private var stack: [Frame]
    private var path: [UInt8] = []
    /// The nibbles of the first key to yield; emptied once passed.
    private var start: [UInt8]
    private let resolver: NodeResolver

    init(root: TrieNode, start: [UInt8], resolver: NodeResolver) {
        stack = [Frame(node: root, pathLength: 0, next: -1)]
        self.start = start
        self.resolver = resolver
    }

    /// The next entry, or nil after the last one.
    public mutating func next() throws(TrieError) -> (key: [UInt8], value: [UInt8])? {
        while let frame = stack.last {
            let top = stack.count - 1
            path.removeSubrange(frame.pathLength...)
            switch frame.node {
            case .empty:
                stack.removeLast()
            case .hash(let hash):
                stack[top].node = try resolver.load(hash)
            case .value(let value):
                stack.removeLast()
                if let entry = try entry(value) { return entry }
            case .short(let short):
                guard frame.next == -1 else {
                    stack.removeLast()
                    continue
                }
                stack[top].next = 0
                path.append(contentsOf: short.key)
                descend(into: short.child)
            case .full(let full):
                let part = frame.next
                guard part < 16 else {
                    stack.removeLast()
                    continue
                }
                stack[top].next += 1
                if part == -1 {
                    if let value = full.value, let entry = try entry(value) { return entry }
                } else {
                    path.append(UInt8(part))
                    descend(into: full[part])
                }
            }
        }
        return nil
    }

    /// Pushes `child`, reached by the current path, unless everything under it comes before `start`.
    private mutating func descend(into child: TrieNode) {
        guard !child.isEmpty, !precedesStart(subtree: true) else { return }
        stack.append(Frame(node: child, pathLength: path.count, next: -1))
    }

    /// The entry for `value` at the current path, or nil if that key comes before `start`.
    private mutating func entry(_ value: [UInt8]) throws(TrieError) -> (key: [UInt8], value: [UInt8])? {
        guard !precedesStart(subtree: false) else { return nil }
        guard path.count % 2 == 0 else { throw .valueAtOddLengthPath }
        start = []
        return (Nibbles.bytes(path[...]), value)
    }

    /// Whether the key at the current path (or, for `subtree`, every key below it) is less than `start`.
    private func precedesStart(subtree: Bool) -> Bool {
        for (nibble, startNibble) in zip(path, start) where nibble != startNibble {
            return nibble < startNibble
        }
        return !subtree && path.count < start.count
    }
}
