import Testing
@testable import KlayTrie

/// Updates change uniquely held nodes in place and copy only nodes shared with another trie.
@Suite struct CopyOnWriteTests {
    private func rootObject(_ trie: Trie) -> ObjectIdentifier? {
        switch trie.root {
        case .full(let node): ObjectIdentifier(node)
        case .short(let node): ObjectIdentifier(node)
        case .empty, .value, .hash: nil
        }
    }

    @Test func uniqueTrieIsUpdatedInPlace() throws {
        var trie = try makeTrie(sampleEntries(count: 100, seed: 31))
        let before = try #require(rootObject(trie))
        try trie.update([0x01, 0x02], value: [7])
        try trie.delete([0x01, 0x02])
        #expect(rootObject(trie) == before)
    }

    @Test func sharedRootIsCopiedOnce() throws {
        let original = try makeTrie(sampleEntries(count: 100, seed: 32))
        var copy = original
        try copy.update([0x01, 0x02], value: [7])
        let copied = try #require(rootObject(copy))
        #expect(copied != rootObject(original))
        try copy.update([0x01, 0x03], value: [8])
        #expect(rootObject(copy) == copied)
    }
}
