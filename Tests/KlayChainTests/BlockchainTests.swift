import Foundation
import KlayChain
import KlayChainStore
import KlayConsensus
import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing

/// Producing and importing blocks on a one-validator Istanbul chain: the same blocks give the same
/// state on a second node, survive a reopen, and every way a block can be wrong is refused with
/// nothing written.
@Suite struct BlockchainTests {
    let recipient = ProcessorFixture.key(50).address

    @Test func producedBlocksImportOnASecondNode() throws {
        let producer = try ChainFixture.open()
        let follower = try ChainFixture.open()
        #expect(producer.genesisHash == follower.genesisHash)
        var blocks: [Block] = []
        for round in 0..<3 {
            let transactions = (0..<4).map { ChainFixture.transfer(from: $0, nonce: UInt64(round), to: recipient) }
            let (block, proposal) = try ChainFixture.produce(producer, transactions)
            #expect(proposal.skipped.isEmpty)
            #expect(block.transactions.count == 4)
            blocks.append(block)
        }
        for block in blocks {
            let imported = try follower.importBlock(block, now: UInt64(Date().timeIntervalSince1970))
            #expect(imported.receipts.map(\.status) == Array(repeating: .success, count: 4))
        }
        #expect(follower.head.hash == producer.head.hash)
        #expect(follower.head.stateRoot == producer.head.stateRoot)
        let state = try follower.state(at: follower.head.stateRoot)
        #expect(state.balance(recipient) == UInt256(12))
        // Rewards (deferred fees, Kore on, round robin): minted + fee − fee/2 per block.
        let fee = UInt256(4 * 21_000) &* ProcessorFixture.baseFee
        let perBlock = UInt256(9_600_000_000_000_000_000 as UInt64) &+ fee &- (fee >> 1)
        #expect(state.balance(ChainFixture.rewardbase) == perBlock &* UInt256(3))
    }

    @Test func lookupsAfterCommit() throws {
        let chain = try ChainFixture.open()
        let tx = ChainFixture.transfer(from: 0, nonce: 0, to: recipient, value: 5)
        let (block, _) = try ChainFixture.produce(chain, [tx])
        #expect(try chain.chainStore.head()?.number == 1)
        #expect(try chain.chainStore.block(number: 1)?.hash == block.hash)
        let found = try #require(try chain.chainStore.transaction(hash: tx.hash))
        #expect(found.location.blockNumber == 1)
        #expect(try chain.chainStore.receipt(transactionHash: tx.hash)?.receipt.gasUsed == 21_000)
        // The head carries the 1-of-1 committed seal and verifies against the council.
        #expect(try chain.engine.committers(of: chain.head, validators: chain.validators) == [ChainFixture.validator.address])
    }

    @Test func reopenResumesAtTheHead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("klay-chain-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var headHash = Hash.zero
        do {
            let chain = try ChainFixture.open(try RocksDBStore(path: folder))
            try ChainFixture.produce(chain, [ChainFixture.transfer(from: 1, nonce: 0, to: recipient, value: 9)])
            try ChainFixture.produce(chain, [])
            headHash = chain.head.hash
        }
        let reopened = try ChainFixture.open(try RocksDBStore(path: folder))
        #expect(reopened.head.hash == headHash)
        #expect(reopened.head.number == UInt256(2))
        #expect(try reopened.state(at: reopened.head.stateRoot).balance(recipient) == UInt256(9))
        try ChainFixture.produce(reopened, [ChainFixture.transfer(from: 1, nonce: 1, to: recipient, value: 1)])
        #expect(reopened.head.number == UInt256(3))
    }

    @Test func anotherGenesisIsRefused() throws {
        let store = MemoryStore()
        _ = try ChainFixture.open(store)
        var other = ChainFixture.genesis
        other.timestamp += 1
        #expect(throws: ChainStoreError.self) { try Blockchain(store: store, genesis: other) }
    }

    /// A block re-sealed by the validator after one field was changed: consensus accepts it, execution does not.
    func tampered(_ change: (inout Header) -> Void) throws -> (Blockchain, Block) {
        let producer = try ChainFixture.open()
        let follower = try ChainFixture.open()
        let (block, _) = try ChainFixture.produce(producer, [ChainFixture.transfer(from: 0, nonce: 0, to: recipient)])
        var header = block.header
        change(&header)
        header = try IstanbulSealing.seal(header, with: ChainFixture.validator)
        let seal = IstanbulSealing.commitSeal(blockHash: header.hash, with: ChainFixture.validator)
        header = try IstanbulSealing.writeCommittedSeals(header, seals: [seal], round: 0)
        return (follower, Block(header: header, transactions: block.transactions))
    }

    @Test func executionMismatchesAreRefusedAndNothingIsWritten() throws {
        let cases: [(String, (inout Header) -> Void)] = [
            ("invalid gas used (remote: 1 local: 21000)", { $0.gasUsed = 1 }),
            ("invalid merkle root", { $0.stateRoot = Hash.zero }),
            ("invalid receipt root hash", { $0.receiptsRoot = Hash.zero }),
            ("transaction root hash mismatch", { $0.transactionsRoot = Hash.zero }),
            ("invalid bloom", { $0.bloom.withUnsafeMutableBytes { $0[0] = 1 } }),
            ("invalid baseFee: have 1, want 25000000000", { $0.baseFee = .one }),
        ]
        for (expected, change) in cases {
            let (follower, block) = try tampered(change)
            let genesisHead = follower.head
            #expect(throws: BlockError.self) { try follower.importBlock(block, now: UInt64(Date().timeIntervalSince1970)) }
            do {
                _ = try follower.importBlock(block, now: UInt64(Date().timeIntervalSince1970))
            } catch {
                #expect(error.description.hasPrefix(expected), "\(error)")
            }
            #expect(follower.head == genesisHead)
            #expect(try follower.chainStore.head()?.number == 0)
            // The follower still takes the valid chain afterwards.
            let producer = try ChainFixture.open()
            let (good, _) = try ChainFixture.produce(producer, [ChainFixture.transfer(from: 0, nonce: 0, to: recipient)])
            try follower.importBlock(good, now: UInt64(Date().timeIntervalSince1970))
        }
    }

    @Test func invalidTransactionsAndSealsAreRefused() throws {
        let producer = try ChainFixture.open()
        let follower = try ChainFixture.open()
        let (block, _) = try ChainFixture.produce(producer, [ChainFixture.transfer(from: 0, nonce: 0, to: recipient)])
        // A proposer seal by a key outside the council.
        let outsider = ProcessorFixture.key(201)
        var foreign = try IstanbulSealing.seal(block.header, with: outsider)
        foreign = try IstanbulSealing.writeCommittedSeals(foreign, seals: [IstanbulSealing.commitSeal(blockHash: foreign.hash, with: outsider)], round: 0)
        #expect(throws: BlockError.self) { try follower.importBlock(Block(header: foreign, transactions: block.transactions), now: .max) }
        // A block whose transaction cannot apply (replayed nonce) on a chain that already has it.
        try follower.importBlock(block, now: .max)
        #expect(throws: BlockError.self) { try follower.importBlock(block, now: .max) }
    }
}
