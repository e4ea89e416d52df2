import KlayPrimitives
import Testing
import KlayTrie
import KlayTestSupport

/// ethereum/tests TrieTests: the root after a sequence of updates, for plain and secure tries.
@Suite struct EthereumTrieTests {
    static let plainFiles = ["trietest.json", "trieanyorder.json"]
    static let secureFiles = ["trietest_secureTrie.json", "trieanyorder_secureTrie.json", "hex_encoded_securetrie_test.json"]

    @Test(arguments: try plainFiles.flatMap(EthereumTrieVector.load))
    func plainTrieRoot(_ vector: EthereumTrieVector) throws {
        for updates in orders(of: vector) {
            var trie = Trie()
            for (key, value) in updates { try trie.update(key, value: value ?? []) }
            #expect(trie.rootHash == vector.root)
        }
    }

    @Test(arguments: try secureFiles.flatMap(EthereumTrieVector.load))
    func secureTrieRoot(_ vector: EthereumTrieVector) throws {
        for updates in orders(of: vector) {
            var trie = SecureTrie()
            for (key, value) in updates { try trie.update(key, value: value ?? []) }
            #expect(trie.rootHash == vector.root)
        }
    }

    /// After the updates, every entry reads back, from memory and after a commit and reopen, and
    /// iteration yields exactly the entries in key order.
    @Test(arguments: try plainFiles.flatMap(EthereumTrieVector.load))
    func plainTrieContent(_ vector: EthereumTrieVector) throws {
        var trie = Trie()
        for (key, value) in vector.updates { try trie.update(key, value: value ?? []) }
        let entries = vector.finalEntries
        let store = InMemoryTrieNodeStore()
        let root = trie.commit(to: store)
        #expect(root == vector.root)
        let reopened = try Trie(root: root, source: store)
        for (key, value) in entries {
            #expect(try trie.get(key) == value)
            #expect(try reopened.get(key) == value)
        }
        var iterator = reopened.iterator()
        var iterated: [[UInt8]] = []
        while let (key, value) = try iterator.next() {
            #expect(entries[key] == value)
            iterated.append(key)
        }
        #expect(iterated == entries.keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// trietestnextprev.json: for each probe key, the previous and next keys present in the trie.
    @Test func nextAndPreviousKeys() throws {
        guard let cases = try Vectors.json("ethereum/TrieTests/trietestnextprev.json") as? [String: [String: Any]],
              !cases.isEmpty else { throw BadVector("trietestnextprev.json: not an object of cases") }
        var probes = 0
        for (name, body) in cases {
            guard let keys = body["in"] as? [String], let tests = body["tests"] as? [[String]] else {
                throw BadVector("trietestnextprev.json \(name): unexpected shape")
            }
            var trie = Trie()
            for key in keys { try trie.update(Array(key.utf8), value: Array(key.utf8)) }
            for test in tests {
                let probe = Array(test[0].utf8)
                var previous: [UInt8] = []
                var all = trie.iterator()
                while let (key, _) = try all.next(), key.lexicographicallyPrecedes(probe) { previous = key }
                var following = trie.iterator(from: probe)
                var next = try following.next()?.key ?? []
                if next == probe { next = try following.next()?.key ?? [] }
                #expect(String(decoding: previous, as: UTF8.self) == test[1], "previous of \(test[0])")
                #expect(String(decoding: next, as: UTF8.self) == test[2], "next of \(test[0])")
                probes += 1
            }
        }
        #expect(probes == 12)
    }

    /// The update sequences to try: the given one, plus its reverse when the root must not depend on order.
    private func orders(of vector: EthereumTrieVector) -> [[(key: [UInt8], value: [UInt8]?)]] {
        vector.anyOrder ? [vector.updates, vector.updates.reversed()] : [vector.updates]
    }
}
