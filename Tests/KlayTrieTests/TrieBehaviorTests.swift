import KlayPrimitives
import Testing
import KlayTrie
import KlayTestSupport

@Suite struct TrieBehaviorTests {
    @Test func emptyTrieHasTheEmptyRoot() throws {
        #expect(Trie.emptyRoot == (try Hash(hex: "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")))
        #expect(Trie().rootHash == Trie.emptyRoot)
        #expect(try Trie().get([1, 2, 3]) == nil)
    }

    @Test func deletingEverythingGivesTheEmptyRoot() throws {
        let entries = sampleEntries(count: 300, seed: 1)
        var trie = try makeTrie(entries)
        #expect(trie.rootHash != Trie.emptyRoot)
        var generator = SeededGenerator(seed: 2)
        for key in entries.keys.shuffled(using: &generator) {
            try trie.delete(key)
        }
        #expect(trie.rootHash == Trie.emptyRoot)
        var iterator = trie.iterator()
        #expect(try iterator.next() == nil)
    }

    @Test func emptyValueDeletes() throws {
        var trie = Trie()
        try trie.update(Array("dog".utf8), value: Array("puppy".utf8))
        try trie.update(Array("dog".utf8), value: [])
        #expect(trie.rootHash == Trie.emptyRoot)
        #expect(try trie.get(Array("dog".utf8)) == nil)
    }

    /// Keys that are prefixes of each other, including the empty key, land in branch values and leaves
    /// with empty keys; the root must not depend on insertion order.
    @Test func prefixKeysIncludingTheEmptyKey() throws {
        let keys: [[UInt8]] = [[], [0x12], [0x12, 0x34], [0x12, 0x35], [0x13], [0x12, 0x34, 0x56]]
        var forward = Trie()
        var backward = Trie()
        for (index, key) in keys.enumerated() {
            try forward.update(key, value: [UInt8(index + 1)])
        }
        for (index, key) in keys.enumerated().reversed() {
            try backward.update(key, value: [UInt8(index + 1)])
        }
        #expect(forward.rootHash == backward.rootHash)
        for (index, key) in keys.enumerated() {
            #expect(try forward.get(key) == [UInt8(index + 1)])
        }
        #expect(try forward.get([0x12, 0x3]) == nil)
        #expect(try forward.get([0x12, 0x34, 0x56, 0x78]) == nil)
    }

    /// Random updates and deletes over a small key space: after each step the trie reads like a
    /// dictionary, and its root equals that of a trie built from scratch with the same content, so
    /// deletion leaves the same canonical shape as never inserting.
    @Test func randomOperationsMatchADictionaryAndAFreshBuild() throws {
        var generator = SeededGenerator(seed: 7)
        var trie = Trie()
        var model: [[UInt8]: [UInt8]] = [:]
        for step in 0..<1500 {
            let key = [UInt8].random(count: Int.random(in: 0...3, using: &generator), using: &generator).map { $0 & 0x31 }
            if Bool.random(using: &generator), !model.isEmpty {
                let victim = Bool.random(using: &generator) ? key : model.keys.randomElement(using: &generator)!
                try trie.delete(victim)
                model[victim] = nil
            } else {
                let value = [UInt8].random(count: Int.random(in: 1...36, using: &generator), using: &generator)
                try trie.update(key, value: value)
                model[key] = value
            }
            if step % 50 == 49 {
                #expect(trie.rootHash == (try makeTrie(model)).rootHash, "step \(step)")
                for (key, value) in model { #expect(try trie.get(key) == value) }
            }
        }
    }

    /// A copy is independent: changing it leaves the original's content and root as they were.
    @Test func copiesAreIndependent() throws {
        let entries = sampleEntries(count: 200, seed: 3)
        let original = try makeTrie(entries)
        let originalRoot = original.rootHash
        var copy = original
        for key in entries.keys.prefix(50) { try copy.delete(key) }
        try copy.update([0x99], value: [1])
        #expect(copy.rootHash != originalRoot)
        #expect(original.rootHash == originalRoot)
        for (key, value) in entries { #expect(try original.get(key) == value) }
        #expect(try original.get([0x99]) == nil)
    }

    /// Recomputing the root after a change gives what a full rebuild gives (the cached hashes of
    /// untouched subtrees are reused, changed paths are rehashed).
    @Test func rootAfterIncrementalChangesMatchesRebuild() throws {
        var entries = sampleEntries(count: 400, seed: 4)
        var trie = try makeTrie(entries)
        _ = trie.rootHash
        for (index, key) in entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }).enumerated() where index % 37 == 0 {
            entries[key] = [UInt8(index & 0xff), 1, 2]
            try trie.update(key, value: [UInt8(index & 0xff), 1, 2])
            #expect(trie.rootHash == (try makeTrie(entries)).rootHash)
        }
    }

    /// Iteration yields entries in key order, and `from:` starts at the first key not below it.
    @Test func iterationIsOrderedAndSeeks() throws {
        let entries = sampleEntries(count: 250, seed: 5)
        let trie = try makeTrie(entries)
        let sortedKeys = entries.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var iterator = trie.iterator()
        var keys: [[UInt8]] = []
        while let (key, value) = try iterator.next() {
            #expect(entries[key] == value)
            keys.append(key)
        }
        #expect(keys == sortedKeys)

        let starts: [[UInt8]] = [[], [0x00], [0x02], [0x10, 0x01], [0x13, 0x13, 0x13, 0x13, 0x00], [0xff]]
        for start in starts + sortedKeys.prefix(20) {
            var seeking = trie.iterator(from: start)
            let expected = sortedKeys.first { !$0.lexicographicallyPrecedes(start) }
            #expect(try seeking.next()?.key == expected, "from \(start)")
        }
    }

    @Test func secureTrieHashesKeys() throws {
        var secure = SecureTrie()
        var plain = Trie()
        let key = Array("an account".utf8)
        try secure.update(key, value: [1, 2, 3])
        try plain.update(Keccak256.hash(key).bytes, value: [1, 2, 3])
        #expect(secure.rootHash == plain.rootHash)
        #expect(try secure.get(key) == [1, 2, 3])
        #expect(try secure.trie.get(SecureTrie.hashedKey(key)) == [1, 2, 3])
        try secure.delete(key)
        #expect(secure.rootHash == Trie.emptyRoot)
    }
}
