import KlayPrimitives
import Testing
import KlayTrie

@Suite struct DeriveShaTests {
    let items: [[UInt8]] = [
        Array("first transaction".utf8),
        Array(repeating: 0x42, count: 70),
        [0x01],
    ]

    private func keccak(_ parts: [UInt8]...) -> Hash { Keccak256.hash(parts.flatMap { $0 }) }

    @Test func emptyRoots() throws {
        let original = try Hash(hex: "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        let empty = try Hash(hex: "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(DeriveSha.original.emptyRoot == original)
        #expect(DeriveSha.simple.emptyRoot == empty)
        #expect(DeriveSha.concat.emptyRoot == empty)
        for implementation in DeriveSha.allCases {
            #expect(implementation.hash([]) == implementation.emptyRoot)
        }
    }

    @Test func settingSelectsImplementation() {
        #expect(DeriveSha(setting: 0) == .original)
        #expect(DeriveSha(setting: 1) == .simple)
        #expect(DeriveSha(setting: 2) == .concat)
        #expect(DeriveSha(setting: 3) == .original)
    }

    /// One item: a single leaf node [hex-prefix(RLP(0) = 0x80) = 0x20 0x80, item], hashed.
    @Test func originalOfOneItemIsOneLeaf() {
        var leaf = RLPWriter()
        leaf.list { $0.append(bytes: [0x20, 0x80]); $0.append(bytes: items[1]) }
        #expect(DeriveSha.original.hash([items[1]]) == Keccak256.hash(leaf.bytes))
    }

    /// Two items: keys 0x80 and 0x01 differ in their first nibble, so the root is a branch with a leaf
    /// at nibble 8 (remaining key nibble 0, embedded if small) and one at nibble 0 (remaining nibble 1).
    @Test func originalOfTwoItemsIsABranch() {
        let first: [UInt8] = [0xaa]
        let second: [UInt8] = [0xbb]
        var branch = RLPWriter()
        branch.list { writer in
            for nibble in 0..<16 {
                switch nibble {
                case 0: writer.list { $0.append(bytes: [0x31]); $0.append(bytes: second) }  // key 0x01: leaf, odd, nibble 1
                case 8: writer.list { $0.append(bytes: [0x30]); $0.append(bytes: first) }   // key 0x80: leaf, odd, nibble 0
                default: writer.append(bytes: [UInt8]())
                }
            }
            writer.append(bytes: [UInt8]())
        }
        #expect(DeriveSha.original.hash([first, second]) == Keccak256.hash(branch.bytes))
    }

    /// The trie form does not depend on the order of insertion and agrees with a trie keyed by RLP(i).
    @Test func originalMatchesATrieKeyedByIndex() throws {
        let many = (0..<300).map { [UInt8](repeating: UInt8($0 & 0xff), count: 1 + $0 % 50) }
        var trie = Trie()
        for index in many.indices.reversed() {
            var key = RLPWriter()
            key.append(UInt64(index))
            try trie.update(key.bytes, value: many[index])
        }
        #expect(DeriveSha.original.hash(many) == trie.rootHash)
        #expect(DeriveSha.original.hash(count: many.count) { many[$0][...] } == trie.rootHash)
    }

    @Test func simpleIsABinaryKeccakTree() {
        let h = items.map { Keccak256.hash($0).bytes }
        #expect(DeriveSha.simple.hash([items[0]]) == Keccak256.hash(items[0]))
        #expect(DeriveSha.simple.hash(Array(items[0...1])) == keccak(h[0], h[1]))
        let left = keccak(h[0], h[1]).bytes
        let right = keccak(h[2], h[2]).bytes
        #expect(DeriveSha.simple.hash(items) == keccak(left, right))
    }

    @Test func concatHashesTheConcatenation() {
        #expect(DeriveSha.concat.hash(items) == keccak(items[0], items[1], items[2]))
        #expect(DeriveSha.concat.hash(count: 2) { items[$0] } == keccak(items[0], items[1]))
    }
}
