import KlayChain
import KlayEVM
import KlayPrimitives
import KlayState
import KlayStorage
import KlayTypes

/// An in-memory state and a block processor for one chain config, to apply transactions block by block
/// and look at balances, keys and receipts.
final class ProcessorFixture {
    static let chainID: UInt64 = 1001
    /// 25 ston: the KIP-71 lower bound, the base fee of every block while blocks stay below the gas target.
    static let baseFee = UInt256(25_000_000_000 as UInt64)
    static let klay = UInt256(1_000_000_000_000_000_000 as UInt64)

    let config: ChainConfig
    let processor: BlockProcessor
    let state: StateDB
    let rewardbase = Address(lastBytesOf: Keccak256.hash(Array("rewardbase".utf8)))
    let author = ProcessorFixture.key(200).address
    var parent = Header()

    /// A chain with every hardfork from `fork` on active at block 0 (the ones after it never), no block
    /// reward unless `reward` is given.
    init(fork: Hardfork? = .cancun, reward: RewardConfig? = nil, policy: UInt64 = 0, kip71: KIP71Config? = nil) throws {
        var config = ChainConfig()
        config.chainId = UInt256(Self.chainID)
        config.unitPrice = 25_000_000_000
        if let fork {
            for hardfork in Hardfork.allCases where hardfork != .randao && hardfork != .dragon {
                config.setBlock(0, of: hardfork)
                if hardfork == fork { break }
            }
        }
        config.istanbul = IstanbulConfig(epoch: 604_800, proposerPolicy: policy, subGroupSize: 21)
        config.governance = GovernanceConfig(governanceMode: "none", reward: reward, kip71: kip71)
        config.deriveShaImpl = 2
        self.config = config
        processor = BlockProcessor(config: config)
        state = StateDB(backend: try TrieStateBackend(store: MemoryStore()))
    }

    static func key(_ n: UInt8) -> PrivateKey {
        try! PrivateKey(bytes: [UInt8](repeating: 0, count: 31) + [n])
    }

    func fund(_ address: Address, _ amount: UInt256) {
        state.beginTransaction()
        state.addBalance(address, amount)
        state.endTransaction(deleteEmptyAccounts: false)
    }

    func balance(_ address: Address) -> UInt256 { state.balance(address) }

    /// The next block's header before execution.
    func nextHeader() -> Header {
        var header = Header()
        header.parentHash = parent.hash
        header.number = parent.number &+ .one
        header.time = parent.time &+ .one
        header.rewardbase = rewardbase
        header.baseFee = processor.baseFee(childOf: parent)
        return header
    }

    /// Applies `transactions` as the next block (strict: any invalid transaction throws) and finalizes it.
    @discardableResult
    func block(_ transactions: [Transaction], mode: BlockProcessor.Mode = .strict) throws -> BlockExecution {
        var header = nextHeader()
        let recovered = try processor.recoverSenders(transactions)
        let execution = try processor.execute(recovered, header: header, author: author, state: state, mode: mode,
                                              blockHash: { _ in .zero })
        processor.finalize(&header, execution: execution, state: state)
        header.stateRoot = try state.commit()
        parent = header
        return execution
    }

    /// The error a block holding just `transaction` is rejected with.
    func rejection(_ transaction: Transaction) -> String? {
        do throws(BlockError) {
            let recovered = try processor.recoverSenders([transaction])
            _ = try processor.execute(recovered, header: nextHeader(), author: author, state: state, mode: .strict,
                                      blockHash: { _ in .zero })
            return nil
        } catch {
            if case .transaction(_, _, let reason) = error { return reason.description }
            return error.description
        }
    }

    /// A signed transaction of `type` from `sender` (the `from` field for Klaytn types), with gas price
    /// 25 ston and gas 1 000 000 unless `configure` changes them. Fee-delegated types are signed by
    /// `feePayer` too; multisig senders pass several keys.
    func transaction(_ type: TxType, from sender: Address, signers: [PrivateKey], nonce: UInt64,
                     feePayer: (address: Address, signers: [PrivateKey])? = nil,
                     configure: (inout Transaction) -> Void = { _ in }) -> Transaction {
        var tx = Transaction(type: type)
        tx.nonce = nonce
        tx.gasPrice = Self.baseFee
        tx.gas = 1_000_000
        if type.encoding == .klaytn { tx.from = sender }
        configure(&tx)
        for key in signers { tx.sign(with: key, chainID: Self.chainID) }
        if let feePayer {
            tx.feePayer = feePayer.address
            for key in feePayer.signers { tx.signAsFeePayer(with: key, chainID: Self.chainID) }
        }
        return tx
    }
}
