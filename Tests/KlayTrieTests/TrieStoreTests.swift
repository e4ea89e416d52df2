import KlayPrimitives
import Testing
import KlayTrie
import KlayTestSupport

@Suite struct TrieStoreTests {
    @Test func commitAndReopenKeepsRootAndValues() throws {
        let entries = sampleEntries(count: 500, seed: 21)
        let trie = try makeTrie(entries)
        let store = InMemoryTrieNodeStore()
        let root = trie.commit(to: store)
        #expect(root == trie.rootHash)
        let reopened = try Trie(root: root, source: store)
        #expect(reopened.rootHash == root)
        for (key, value) in entries { #expect(try reopened.get(key) == value) }
        #expect(try reopened.get([0x77, 0x77]) == nil)
    }

    /// Every stored node is 32 bytes or more (except a small root) and is stored under its own hash.
    @Test func storedNodesAreKeyedByTheirHash() throws {
        let store = InMemoryTrieNodeStore()
        try makeTrie(sampleEntries(count: 300, seed: 22)).commit(to: store)
        #expect(!store.nodes.isEmpty)
        for (hash, rlp) in store.nodes {
            #expect(Keccak256.hash(rlp) == hash)
            #expect(rlp.count >= 32)
        }
    }

    /// A second commit writes only the nodes on changed paths; an unchanged trie writes nothing.
    @Test func commitsWriteOnlyChanges() throws {
        let entries = sampleEntries(count: 500, seed: 23)
        let store = InMemoryTrieNodeStore()
        let first = CountingSink(store: store)
        var trie = try makeTrie(entries)
        trie.commit(to: first)
        let unchanged = CountingSink(store: store)
        trie.commit(to: unchanged)
        #expect(unchanged.writes == 0)

        let key = try #require(entries.keys.first)
        try trie.update(key, value: Array(repeating: 0xab, count: 40))
        let second = CountingSink(store: store)
        let root = trie.commit(to: second)
        #expect(second.writes > 0 && second.writes <= 2 * key.count + 1)
        let reopened = try Trie(root: root, source: store)
        #expect(try reopened.get(key) == Array(repeating: 0xab, count: 40))
    }

    /// Changing a reopened trie loads only what it needs, and committing and reopening again works.
    @Test func updateReopenedTrie() throws {
        var entries = sampleEntries(count: 400, seed: 24)
        let store = InMemoryTrieNodeStore()
        let root = try makeTrie(entries).commit(to: store)
        var trie = try Trie(root: root, source: store)
        var generator = SeededGenerator(seed: 25)
        for key in entries.keys.shuffled(using: &generator).prefix(150) {
            if Bool.random(using: &generator) {
                try trie.delete(key)
                entries[key] = nil
            } else {
                try trie.update(key, value: [1, 2, 3])
                entries[key] = [1, 2, 3]
            }
        }
        #expect(trie.rootHash == (try makeTrie(entries)).rootHash)
        let newRoot = trie.commit(to: store)
        let reopened = try Trie(root: newRoot, source: store)
        for (key, value) in entries { #expect(try reopened.get(key) == value) }
    }

    @Test func deletingEverythingFromAStoredTrie() throws {
        let entries = sampleEntries(count: 200, seed: 26)
        let store = InMemoryTrieNodeStore()
        var trie = try Trie(root: makeTrie(entries).commit(to: store), source: store)
        for key in entries.keys { try trie.delete(key) }
        #expect(trie.rootHash == Trie.emptyRoot)
        #expect(trie.commit(to: store) == Trie.emptyRoot)
        let reopened = try Trie(root: Trie.emptyRoot, source: store)
        #expect(try reopened.get(try #require(entries.keys.first)) == nil)
    }

    @Test func smallRootIsStored() throws {
        var trie = Trie()
        try trie.update([1], value: [2])
        let store = InMemoryTrieNodeStore()
        let root = trie.commit(to: store)
        #expect(store.nodes.count == 1)
        #expect(try Trie(root: root, source: store).get([1]) == [2])
    }

    @Test func missingRootNode() throws {
        let root = Keccak256.hash([1, 2, 3] as [UInt8])
        #expect(throws: TrieError.missingNode(root)) { try Trie(root: root, source: InMemoryTrieNodeStore()) }
    }

    /// A node absent from the store is reported by hash from reads, writes and iteration, and a failed
    /// write leaves the trie as it was.
    @Test func missingInnerNode() throws {
        let entries = sampleEntries(count: 300, seed: 27)
        let full = InMemoryTrieNodeStore()
        let root = try makeTrie(entries).commit(to: full)
        let key = try #require(entries.keys.first)
        let proof = try Trie(root: root, source: full).prove(key)
        let lost = Keccak256.hash(proof[1])
        let store = InMemoryTrieNodeStore(nodes: full.nodes.filter { $0.key != lost })

        var trie = try Trie(root: root, source: store)
        #expect(throws: TrieError.missingNode(lost)) { try trie.get(key) }
        #expect(throws: TrieError.missingNode(lost)) { try trie.update(key, value: [9]) }
        #expect(throws: TrieError.missingNode(lost)) { try trie.delete(key) }
        #expect(trie.rootHash == root)
        var iterator = trie.iterator()
        #expect(throws: TrieError.missingNode(lost)) { while try iterator.next() != nil {} }
    }

    /// A corrupt node in the store is a typed error naming the node's hash, never a trap.
    @Test func corruptInnerNode() throws {
        let entries = sampleEntries(count: 300, seed: 28)
        let store = InMemoryTrieNodeStore()
        let root = try makeTrie(entries).commit(to: store)
        let key = try #require(entries.keys.first)
        let child = Keccak256.hash(try Trie(root: root, source: store).prove(key)[1])
        store.overwrite(child, with: [0xc2, 0x80])
        let trie = try Trie(root: root, source: store)
        #expect(throws: TrieError.malformedNode(child, .rlp(.lengthPastInput(needed: 2, available: 1)))) { try trie.get(key) }
    }

    @Test(arguments: [
        ([0x01], TrieNodeDecodingError.rlp(.expectedList)),
        ([0xc0], .wrongItemCount(0)),
        ([0xc3, 0x80, 0x80, 0x80], .wrongItemCount(3)),
        ([0xc2, 0x41, 0x01], .invalidCompactKey),
        ([0xc2, 0x01, 0x01], .invalidCompactKey),
        ([0xc2, 0x20, 0x80], .emptyLeafValue),
        ([0xc2, 0x00, 0x80], .invalidExtension),
        ([0xc3, 0x81, 0x00, 0xc0], .rlp(.singleByteWrapped)),
        ([0xc2, 0x20, 0x01, 0x02], .rlp(.trailingBytes(count: 1))),
        ([0xc4, 0x20, 0x01, 0x02], .rlp(.lengthPastInput(needed: 4, available: 3))),
    ] as [([UInt8], TrieNodeDecodingError)])
    func malformedRoot(bytes: [UInt8], reason: TrieNodeDecodingError) throws {
        let root = Keccak256.hash(bytes)
        let store = InMemoryTrieNodeStore(nodes: [root: bytes])
        #expect(throws: TrieError.malformedNode(root, reason)) { try Trie(root: root, source: store) }
    }

    /// Malformed child references inside a branch.
    @Test func malformedBranchReferences() throws {
        func branch(_ first: [UInt8]) -> [UInt8] {
            var writer = RLPWriter()
            writer.list { writer in
                writer.appendRaw(first)
                for _ in 1..<17 { writer.append(bytes: [UInt8]()) }
            }
            return writer.bytes
        }
        var oversized = RLPWriter()
        oversized.list { $0.append(bytes: [0x20]); $0.append(bytes: [UInt8](repeating: 7, count: 40)) }
        let cases: [([UInt8], TrieNodeDecodingError)] = [
            (branch([0x83, 1, 2, 3]), .invalidReferenceLength(3)),
            (branch(oversized.bytes), .oversizedEmbeddedNode(length: oversized.bytes.count)),
            (branch([0xc2, 0x00, 0x80]), .invalidExtension),
        ]
        for (bytes, reason) in cases {
            let root = Keccak256.hash(bytes)
            let store = InMemoryTrieNodeStore(nodes: [root: bytes])
            #expect(throws: TrieError.malformedNode(root, reason)) { try Trie(root: root, source: store) }
        }
    }
}
