import KlayPrimitives
import KlayStorage
import KlayTypes

/// A reproducible load of state changes for crash tests and stress runs (`klay debug state-stress`).
///
/// Block `n` of a seed runs a few transactions that set random balances and bump nonces in a pool of
/// accounts, empty some of them (deleted under EIP-158), and write or clear random slots of a few
/// contracts. What a block does depends only on the seed, its number and the state before it, so
/// committing blocks 1...n to an empty state gives the same root in any process. Each commit also
/// records the block number under ``blockKey``, in the same batch as the state.
public struct StateWorkload: Sendable {
    /// Accounts the blocks draw from.
    public static let accountCount = 1_000
    /// Contracts whose storage the blocks change.
    public static let contractCount = 4
    /// Slots per contract the blocks draw from.
    static let slotCount: UInt64 = 64
    static let transactionsPerBlock = 4
    static let accountChangesPerTransaction = 25
    static let slotWritesPerContract = 3

    /// `m ‖ "workloadBlock"` → the number of the last committed block (8 bytes, big-endian).
    public static let blockKey = StorageTable.metadata.key(Array("workloadBlock".utf8))

    public let seed: UInt64
    /// The account pool.
    public let accounts: [Address]
    /// The contracts, code and storage set by the blocks.
    public let contracts: [Address]

    public init(seed: UInt64) {
        self.seed = seed
        accounts = (0..<Self.accountCount).map { Self.address("account", $0, seed: seed) }
        contracts = (0..<Self.contractCount).map { Self.address("contract", $0, seed: seed) }
    }

    private static func address(_ role: String, _ index: Int, seed: UInt64) -> Address {
        Address(lastBytesOf: Keccak256.hash(Array("state workload \(seed) \(role) \(index)".utf8)))
    }

    /// The number of the last block committed to `store` (0 if none).
    public static func committedBlock(in store: any KeyValueReader) throws -> UInt64 {
        guard let bytes = try store.get(blockKey) else { return 0 }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Applies block `number` to `persistent`'s state and commits it with the block number; returns the root.
    @discardableResult
    public func commit(block number: UInt64, to persistent: PersistentState) throws -> Hash {
        apply(block: number, to: persistent.state)
        return try persistent.commit { _, batch in
            batch.put(Self.blockKey, withUnsafeBytes(of: number.bigEndian, Array.init))
        }
    }

    /// Applies the changes of block `number` to `state` (without committing).
    public func apply(block number: UInt64, to state: StateDB) {
        var random = SplitMix64(seed: seed ^ (number &* 0x9e37_79b9_7f4a_7c15))
        for _ in 0..<Self.transactionsPerBlock {
            state.beginTransaction()
            for _ in 0..<Self.accountChangesPerTransaction {
                let address = accounts[Int(random.next() % UInt64(accounts.count))]
                if random.next() % 16 == 0 {
                    state.setBalance(address, .zero)
                    state.setNonce(address, 0)
                } else {
                    state.setBalance(address, UInt256(random.next()))
                    state.setNonce(address, state.nonce(address) + 1)
                }
            }
            for contract in contracts {
                if state.account(contract)?.contract == nil {
                    state.setCode(contract, Keccak256.hash(contract.bytes).bytes)
                    state.setNonce(contract, 1)
                }
                for _ in 0..<Self.slotWritesPerContract {
                    let slot = UInt256(random.next() % Self.slotCount)
                    let value = random.next() % 4 == 0 ? UInt256.zero : UInt256(random.next())
                    state.setStorage(contract, slot, value)
                }
            }
            state.endTransaction(deleteEmptyAccounts: true)
        }
    }
}

/// SplitMix64: small, fast and the same on every platform, which is all the workload needs.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
