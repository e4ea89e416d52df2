import KlayPrimitives
import KlayState
import KlayTypes

/// A deterministic one-validator chain and a stream of value transfers for it: what `klay bench chain`
/// measures and what the crash test runs. The validator and the funded accounts come from a seed, so a
/// process that restarts on the same data directory regenerates the same keys.
public struct ChainWorkload: Sendable {
    public static let chainID: UInt64 = 2019
    /// 750 ston: KIP-71's upper bound, so the transfers stay valid however full blocks push the base fee
    /// (only the base fee is charged).
    public static let gasPrice = UInt256(750_000_000_000 as UInt64)

    public let validator: PrivateKey
    public let accounts: [PrivateKey]
    public let rewardbase: Address

    /// `accountCount` funded accounts and a validator, derived from `seed`.
    public init(seed: UInt64 = 1, accountCount: Int) {
        func key(_ label: String, _ index: Int) -> PrivateKey {
            var counter: UInt64 = 0
            while true {
                let digest = Keccak256.hash(Array("klay-workload/\(seed)/\(label)/\(index)/\(counter)".utf8))
                if let key = try? PrivateKey(bytes: digest.bytes) { return key }
                counter += 1
            }
        }
        validator = key("validator", 0)
        accounts = (0..<accountCount).map { key("account", $0) }
        rewardbase = key("rewardbase", 0).address
    }

    /// The genesis: ``DevNetwork``'s one-validator chain with every account funded with one million KLAY.
    public var genesis: Genesis {
        DevNetwork.genesis(chainID: Self.chainID, validator: validator.address, funded: accounts.map(\.address),
                           balance: UInt256(1_000_000_000_000_000_000 as UInt64) &* UInt256(1_000_000))
    }

    /// `perAccount` signed value transfers from each account (1 peb each, to the next account), starting
    /// at the nonce `nonce(account)` returns.
    public func transfers(perAccount: Int, nonce: (Address) -> UInt64) -> [Transaction] {
        var transactions: [Transaction] = []
        transactions.reserveCapacity(accounts.count * perAccount)
        for round in 0..<perAccount {
            for (index, account) in accounts.enumerated() {
                var tx = Transaction(type: .valueTransfer)
                tx.nonce = nonce(account.address) + UInt64(round)
                tx.gasPrice = Self.gasPrice
                tx.gas = 21_000
                tx.from = account.address
                tx.to = accounts[(index + 1) % accounts.count].address
                tx.value = .one
                tx.sign(with: account, chainID: Self.chainID)
                transactions.append(tx)
            }
        }
        return transactions
    }
}
