import KlayPrimitives
import Testing
import KlayTrie

@Suite struct TrieProofTests {
    @Test func proofsShowPresentKeys() throws {
        let entries = sampleEntries(count: 300, seed: 11)
        let trie = try makeTrie(entries)
        let root = trie.rootHash
        for (key, value) in entries {
            let proof = try trie.prove(key)
            #expect(!proof.isEmpty)
            #expect(try Trie.verifyProof(root: root, key: key, proof: proof) == value)
        }
    }

    @Test func proofsShowAbsentKeys() throws {
        let entries = sampleEntries(count: 300, seed: 12)
        let trie = try makeTrie(entries)
        let root = trie.rootHash
        let absent: [[UInt8]] = [[0xff], [0x01, 0x02], [0x13, 0x13, 0x13, 0x13, 0x13], [0x44, 0x00], []]
        for key in absent where entries[key] == nil {
            let proof = try trie.prove(key)
            #expect(try Trie.verifyProof(root: root, key: key, proof: proof) == nil, "key \(key)")
        }
    }

    /// Changing any byte of any proof node, or leaving a node out, makes verification fail.
    @Test func tamperedProofsFail() throws {
        let entries = sampleEntries(count: 120, seed: 13)
        let trie = try makeTrie(entries)
        let root = trie.rootHash
        for key in entries.keys.prefix(10) {
            let proof = try trie.prove(key)
            for node in proof.indices {
                for offset in stride(from: 0, to: proof[node].count, by: 7) {
                    var tampered = proof
                    tampered[node][offset] ^= 0x01
                    #expect(throws: TrieError.self) { try Trie.verifyProof(root: root, key: key, proof: tampered) }
                }
                var shortened = proof
                shortened.remove(at: node)
                #expect(throws: TrieError.self) { try Trie.verifyProof(root: root, key: key, proof: shortened) }
            }
        }
    }

    /// The root is part of the proof even when its RLP is under 32 bytes.
    @Test func smallRootIsProved() throws {
        var trie = Trie()
        try trie.update([0x01], value: [0x02])
        let proof = try trie.prove([0x01])
        #expect(proof.count == 1 && proof[0].count < 32)
        #expect(Keccak256.hash(proof[0]) == trie.rootHash)
        #expect(try Trie.verifyProof(root: trie.rootHash, key: [0x01], proof: proof) == [0x02])
        #expect(try Trie.verifyProof(root: trie.rootHash, key: [0x03], proof: proof) == nil)
    }

    @Test func emptyTrieProvesAbsence() throws {
        let trie = Trie()
        #expect(try trie.prove([1]).isEmpty)
        #expect(try Trie.verifyProof(root: Trie.emptyRoot, key: [1], proof: []) == nil)
    }

    @Test func proofAgainstAnotherRootFails() throws {
        let trie = try makeTrie(sampleEntries(count: 50, seed: 14))
        let other = try makeTrie(sampleEntries(count: 50, seed: 15))
        let key = try #require(sampleEntries(count: 50, seed: 14).keys.first)
        #expect(throws: TrieError.incompleteProof(missing: other.rootHash)) {
            try Trie.verifyProof(root: other.rootHash, key: key, proof: trie.prove(key))
        }
    }

    @Test func malformedProofNodeIsReported() throws {
        let garbage: [UInt8] = [0xc3, 0x01, 0x02, 0x03]
        let root = Keccak256.hash(garbage)
        #expect(throws: TrieError.malformedNode(root, .wrongItemCount(3))) {
            try Trie.verifyProof(root: root, key: [1], proof: [garbage])
        }
    }

    @Test func proofsFromAStoredTrie() throws {
        let entries = sampleEntries(count: 200, seed: 16)
        let store = InMemoryTrieNodeStore()
        let root = try makeTrie(entries).commit(to: store)
        let reopened = try Trie(root: root, source: store)
        for (key, value) in entries.prefix(40) {
            #expect(try Trie.verifyProof(root: root, key: key, proof: reopened.prove(key)) == value)
        }
    }

    @Test func secureTrieProofs() throws {
        var trie = SecureTrie()
        for index in 0..<100 as Range<UInt8> { try trie.update([index], value: Array(repeating: index, count: 40)) }
        let root = trie.rootHash
        #expect(try SecureTrie.verifyProof(root: root, key: [7], proof: trie.prove([7])) == Array(repeating: 7, count: 40))
        #expect(try SecureTrie.verifyProof(root: root, key: [200], proof: trie.prove([200])) == nil)
    }
}
