import Foundation
import KlayPrimitives
import KlayTrie
import KlayTypes
import Testing
@testable import KlayState

/// Genesis blocks (spec/chain.md §5.2): the built-in networks' hashes, which pin the header, account,
/// trie and governance encodings together, and custom genesis files.
@Suite struct GenesisBlockTests {
    @Test func builtInNetworksReproduceTheirGenesisHashes() throws {
        let cypress = GenesisBlock(genesis: BuiltInNetwork.cypress.genesis())
        #expect(cypress.hash == (try Hash(hex: "0xc72e5293c3c3ba38ed8ae910f780e4caaa9fb95e79784f7ab74c3c262ea7137e")))
        #expect(cypress.state.stateRoot == (try Hash(hex: "0x23a9977c16397aa93fc8caf303abdf054e92adb2b99c5f35b89af6566d1a8cd0")))

        let baobab = GenesisBlock(genesis: BuiltInNetwork.baobab.genesis())
        #expect(baobab.hash == (try Hash(hex: "0xe33ff05ceec2581ca9496f38a2bf9baad5d4eed629e896ccb33d1dc991bc4b4a")))
        #expect(baobab.state.stateRoot == (try Hash(hex: "0xbe751ffacf5fcf9998d4f90b87164ff95166d55e445c8d27cfecbe0e67a032b6")))
        // Concat derive-sha: the empty list hashes to keccak256("").
        #expect(baobab.header.transactionsRoot == Keccak256.hash([UInt8]()))
        #expect(baobab.header.baseFee == nil && baobab.header.mixHash.isEmpty)
    }

    /// klaytn `blockchain/genesis_test.go` `TestSetupGenesis`: a custom genesis (chain id 4343, Istanbul at
    /// block 2, concat derive-sha, genesis defaults, built-in governance rule) whose only account has storage
    /// but no code, so it is a smart contract account; its hash is `customGenesisHash` there.
    @Test func referenceCustomGenesisHash() throws {
        var config = ChainConfig()
        config.chainId = 4343
        config.istanbulCompatibleBlock = 2
        config.deriveShaImpl = 2
        var genesis = Genesis(config: config.withGenesisDefaults())
        genesis.governanceData = try GenesisGovernance.builtInNetwork(genesis.config)
        var one = [UInt8](repeating: 0, count: 32)
        one[0] = 1
        let word = try Hash(bytes: one)
        genesis.alloc[try Address(hex: "0x0100000000000000000000000000000000000000")] =
            GenesisAccount(balance: 1, storage: [word: word])
        #expect(GenesisBlock(genesis: genesis).hash
            == (try Hash(hex: "0x4eb4035b7a09619a9950c9a4751cc331843f2373ef38263d676b4a132ba4059c")))
    }

    @Test func builtInAccountsFollowTheReferenceStateRules() throws {
        let state = GenesisBlock(genesis: BuiltInNetwork.baobab.genesis()).state
        let contract = try #require(state.accounts[Address(hex: "0x0000000000000000000000000000000000000400")])
        #expect(contract.kind == .smartContract && contract.key == .fail && contract.nonce == 0)
        #expect(contract.contract?.codeInfo == CodeInfo(rawValue: 0) && contract.storageRoot == Trie.emptyRoot)
        let holder = try #require(state.accounts[Address(hex: "0x4937a6f664630547f6b0c3c235c4f03a64ca36b1")])
        #expect(holder.kind == .externallyOwned && holder.key == .legacy)
    }

    /// A custom chain with Magma and Randao at genesis, the original derive-sha, a contract with storage,
    /// a storage-only account and plain accounts.
    static let customGenesis = """
        {
          "config": {"chainId": 31337, "istanbulCompatibleBlock": 0, "londonCompatibleBlock": 0,
                     "ethTxTypeCompatibleBlock": 0, "magmaCompatibleBlock": 0, "koreCompatibleBlock": 0,
                     "shanghaiCompatibleBlock": 0, "cancunCompatibleBlock": 0, "randaoCompatibleBlock": 0,
                     "istanbul": {"epoch": 3600, "policy": 2, "sub": 21}, "unitPrice": 25000000000,
                     "governance": {"governanceMode": "single",
                                    "governingNode": "0x1111111111111111111111111111111111111111",
                                    "reward": {"mintingAmount": 6400000000000000000, "ratio": "50/40/10",
                                               "useGiniCoeff": false, "deferredTxFee": true,
                                               "minimumStake": 5000000},
                                    "kip71": {"lowerboundbasefee": 30000000000, "upperboundbasefee": 750000000000,
                                              "gastarget": 30000000, "maxblockgasusedforbasefee": 60000000,
                                              "basefeedenominator": 20}}},
          "timestamp": "0x64",
          "extraData": "0x0000000000000000000000000000000000000000000000000000000000000000d8d594111111111111111111111111111111111111111180c0",
          "alloc": {
            "1111111111111111111111111111111111111111": {"balance": "1000000000000000000000"},
            "0x2222222222222222222222222222222222222222": {"balance": "0x0"},
            "3333333333333333333333333333333333333333": {
              "balance": "0x5", "nonce": "7", "code": "0x600160005500",
              "storage": {"0x00": "0x2a", "0x0000000000000000000000000000000000000000000000000000000000000001": "0x00"}},
            "4444444444444444444444444444444444444444": {"balance": "1", "storage": {"05": "ff00"}}
          }
        }
        """

    static func hashFile(_ text: String) throws -> GenesisBlock {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("genesis-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return GenesisBlock(genesis: try Genesis(json: Data(contentsOf: url)).preparedForInit())
    }

    @Test func customGenesisHashesDeterministically() throws {
        let block = try Self.hashFile(Self.customGenesis)
        let again = try Self.hashFile(Self.customGenesis)
        #expect(block.hash == again.hash && block.state.stateRoot == again.state.stateRoot)

        // Member order and notation do not matter: same accounts, keys reordered and rewritten.
        let rewritten = Self.customGenesis
            .replacingOccurrences(of: #""balance": "0x5", "nonce": "7""#, with: #""nonce": "0x7", "balance": "5""#)
            .replacingOccurrences(of: "\"1111111111111111111111111111111111111111\": {\"balance\": \"1000000000000000000000\"},",
                                  with: "")
            .replacingOccurrences(of: "\"4444444444444444444444444444444444444444\": {",
                                  with: "\"0x1111111111111111111111111111111111111111\": {\"balance\": \"0x3635c9adc5dea00000\"},\n\"4444444444444444444444444444444444444444\": {")
        #expect(rewritten != Self.customGenesis)
        #expect(try Self.hashFile(rewritten).hash == block.hash)

        // Any account change moves the state root and the hash.
        let changed = try Self.hashFile(Self.customGenesis.replacingOccurrences(of: #""0x00": "0x2a""#, with: #""0x00": "0x2b""#))
        #expect(changed.state.stateRoot != block.state.stateRoot && changed.hash != block.hash)
    }

    @Test func customGenesisHeaderAndAccounts() throws {
        let block = try Self.hashFile(Self.customGenesis)
        let header = block.header
        #expect(header.baseFee == 30_000_000_000)  // the KIP-71 lower bound: Magma is active at block 0
        #expect(header.randomReveal == [UInt8](repeating: 0, count: 96) && header.mixHash == [UInt8](repeating: 0, count: 32))
        #expect(header.blockScore == Genesis.defaultBlockScore && header.time == 100)
        #expect(header.transactionsRoot == Trie.emptyRoot && header.receiptsRoot == Trie.emptyRoot)
        #expect(header.hash == Keccak256.hash(header.encoded))  // the extra has no committed seals or round
        let governance = try #require(GenesisGovernance.jsonText(of: header.governance))
        #expect(governance.contains(#""kip71.lowerboundbasefee":30000000000"#))
        #expect(governance.contains(#""reward.stakingupdateinterval":86400"#))

        let accounts = block.state.accounts
        let contract = try #require(accounts[Address(hex: "0x3333333333333333333333333333333333333333")])
        #expect(contract.kind == .smartContract && contract.nonce == 7 && contract.balance == 5 && contract.key == .fail)
        #expect(contract.codeHash == Keccak256.hash([0x60, 0x01, 0x60, 0x00, 0x55, 0x00] as [UInt8]))
        // One slot (the zero value is not stored): a single leaf, keccak(slot) → rlp(0x2a).
        #expect(contract.storageRoot == Self.singleLeafRoot(slot: .zero, value: [0x2a]))

        let storageOnly = try #require(accounts[Address(hex: "0x4444444444444444444444444444444444444444")])
        #expect(storageOnly.kind == .smartContract && storageOnly.codeHash == Account.emptyCodeHash)
        var five = [UInt8](repeating: 0, count: 32)
        five[31] = 5
        #expect(storageOnly.storageRoot == Self.singleLeafRoot(slot: try Hash(bytes: five), value: [0xff, 0x00]))

        let empty = try #require(accounts[Address(hex: "0x2222222222222222222222222222222222222222")])
        #expect(empty == .externallyOwned())
        #expect(accounts.count == 4)
    }

    /// The root of a secure trie with one entry, built by hand: the leaf `[0x20 ‖ keccak(slot), rlp(value)]`.
    static func singleLeafRoot(slot: Hash, value: [UInt8]) -> Hash {
        var inner = RLPWriter()
        inner.append(bytes: value)
        var leaf = RLPWriter()
        leaf.list { list in
            list.append(bytes: [0x20] + Keccak256.hash(slot.bytes).bytes)
            list.append(bytes: inner.bytes)
        }
        return Keccak256.hash(leaf.bytes)
    }
}
