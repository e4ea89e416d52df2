import KlayPrimitives

/// Klaytn's ways of committing a block's transactions or receipts to one hash (the header's TxHash and
/// ReceiptHash), selected by the chain config's `deriveShaImpl` (or by governance).
///
/// Each works on the items' encodings (for transactions and receipts, what Klaytn's `GetRlp(i)` gives).
/// Cypress and Baobab use ``concat``.
public enum DeriveSha: UInt64, Sendable, CaseIterable {
    /// A Merkle Patricia Trie mapping RLP(index) to each item, as Ethereum does; the root hash.
    case original = 0
    /// A binary keccak tree over the items' hashes, repeating the last hash on levels of odd length.
    case simple = 1
    /// keccak-256 of all the items concatenated.
    case concat = 2

    /// The implementation a `deriveShaImpl` setting names; unknown values mean ``original``, as in Klaytn.
    public init(setting: UInt64) {
        self = DeriveSha(rawValue: setting) ?? .original
    }

    /// The hash of an empty list: ``Trie/emptyRoot`` for ``original``, keccak-256 of nothing otherwise.
    public var emptyRoot: Hash {
        self == .original ? Trie.emptyRoot : Keccak256.hash([UInt8]())
    }

    /// The hash of `items`.
    public func hash(_ items: [[UInt8]]) -> Hash {
        hash(count: items.count) { items[$0] }
    }

    /// The hash of `count` items, where `item(i)` gives the encoding of item `i`.
    public func hash<Bytes: Collection<UInt8>>(count: Int, item: (Int) -> Bytes) -> Hash {
        switch self {
        case .original: Self.trieRoot(count: count, item: item)
        case .simple: Self.binaryTreeRoot(count: count, item: item)
        case .concat: Self.concatenationHash(count: count, item: item)
        }
    }

    private static func trieRoot<Bytes: Collection<UInt8>>(count: Int, item: (Int) -> Bytes) -> Hash {
        var trie = Trie()
        var key = RLPWriter(capacity: 9)
        for index in 0..<count {
            key.reset()
            key.append(UInt64(index))
            // An in-memory trie has no node to load, so updating it cannot fail.
            try? trie.update(key.bytes, value: Array(item(index)))
        }
        return trie.rootHash
    }

    private static func binaryTreeRoot<Bytes: Collection<UInt8>>(count: Int, item: (Int) -> Bytes) -> Hash {
        guard count > 0 else { return Keccak256.hash([UInt8]()) }
        var level = (0..<count).map { Keccak256.hash(item($0)) }
        while level.count > 1 {
            if level.count % 2 == 1 { level.append(level[level.count - 1]) }
            for pair in 0..<level.count / 2 {
                var hasher = Keccak256()
                level[2 * pair].withUnsafeBytes { hasher.update($0) }
                level[2 * pair + 1].withUnsafeBytes { hasher.update($0) }
                level[pair] = hasher.finalize()
            }
            level.removeLast(level.count / 2)
        }
        return level[0]
    }

    private static func concatenationHash<Bytes: Collection<UInt8>>(count: Int, item: (Int) -> Bytes) -> Hash {
        var hasher = Keccak256()
        for index in 0..<count {
            hasher.update(item(index))
        }
        return hasher.finalize()
    }
}
