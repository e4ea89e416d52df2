import Dispatch
import KlayPrimitives
import KlayTxPool
import KlayTypes
import Synchronization

/// A fixed account state held in dictionaries.
struct MemoryState: TxPoolStateReader {
    var nonces: [Address: UInt64] = [:]
    var balances: [Address: UInt256] = [:]
    var keys: [Address: AccountKey] = [:]
    var programAccounts: Set<Address> = []
    var contracts: Set<Address> = []

    func nonce(of address: Address) -> UInt64 { nonces[address] ?? 0 }
    func balance(of address: Address) -> UInt256 { balances[address] ?? .zero }
    func accountKey(of address: Address) -> AccountKey { keys[address] ?? .legacy }
    func isProgramAccount(_ address: Address) -> Bool { programAccounts.contains(address) }
    func isContractAvailable(_ address: Address) -> Bool { contracts.contains(address) }

    /// A state where every one of `addresses` holds `balance`.
    static func funded(_ addresses: [Address], balance: UInt256 = Pool.rich) -> MemoryState {
        var state = MemoryState()
        for address in addresses { state.balances[address] = balance }
        return state
    }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    func advance(by duration: Duration) { offset.withLock { $0 += duration } }

    var now: @Sendable () -> ContinuousClock.Instant {
        { [self] in start + offset.withLock { $0 } }
    }
}

/// Keys, heads, transactions and pools for the suites.
enum Pool {
    static let chainID: UInt64 = 1001
    static let unitPrice = UInt256(25_000_000_000)
    /// 10^24 peb (a million KLAY).
    static let rich = UInt256(1_000_000_000_000_000_000).checkedProduct(UInt256(1_000_000))
    static let recipient = Address(lastBytesOf: Keccak256.hash(Array("recipient".utf8)))

    /// A private key whose secret is `n` as a 32-byte big-endian number.
    static func key(_ n: UInt16) -> PrivateKey {
        try! PrivateKey(bytes: [UInt8](repeating: 0, count: 30) + [UInt8(n >> 8), UInt8(n & 0xff)])
    }

    /// A chain config with every fork up to Shanghai at block 0 except Magma (at `magmaBlock`) and the
    /// EthTxType fork (at `ethTxTypeBlock`).
    static func chainConfig(magmaBlock: UInt64? = nil, ethTxTypeBlock: UInt64? = 0, shanghaiBlock: UInt64? = 0) -> ChainConfig {
        var config = ChainConfig()
        config.chainId = UInt256(chainID)
        config.istanbulCompatibleBlock = 0
        config.londonCompatibleBlock = 0
        config.ethTxTypeCompatibleBlock = ethTxTypeBlock
        config.magmaCompatibleBlock = magmaBlock
        config.shanghaiCompatibleBlock = shanghaiBlock
        return config
    }

    /// A pre-Magma head at block 10 with the unit price.
    static func head(ethTxType: Bool = true, shanghai: Bool = true, number: UInt64 = 10) -> TxPoolContext {
        TxPoolContext(chainConfig: chainConfig(ethTxTypeBlock: ethTxType ? 0 : 100, shanghaiBlock: shanghai ? 0 : 100),
                      headNumber: number, unitPrice: unitPrice, nextBaseFee: nil)
    }

    /// A Magma head at block 10 whose next base fee is `baseFee`.
    static func magmaHead(baseFee: UInt256 = unitPrice, number: UInt64 = 10) -> TxPoolContext {
        TxPoolContext(chainConfig: chainConfig(magmaBlock: 0), headNumber: number, unitPrice: unitPrice, nextBaseFee: baseFee)
    }

    /// A pool over `state` (by default, every test key funded) at `head`.
    static func make(config: TxPoolConfig = .default, head: TxPoolContext = head(), state: MemoryState? = nil,
                     clock: ManualClock? = nil) -> TxPool {
        let state = state ?? MemoryState.funded((1...40).map { key($0).address })
        if let clock { return TxPool(config: config, head: head, state: state, clock: clock.now) }
        return TxPool(config: config, head: head, state: state)
    }

    /// An unsigned transaction of `type` from `from` with the unit price, gas for a plain transfer plus
    /// the type's extras, and a plain recipient where the type has one.
    static func unsigned(_ type: TxType, from: Address, nonce: UInt64, price: UInt256 = unitPrice) -> Transaction {
        var tx = Transaction(type: type)
        tx.nonce = nonce
        tx.gasPrice = price
        tx.gas = 100_000
        let fields = type.descriptor.fields
        if fields.contains(.to) || fields.contains(.toOrNil) { tx.to = recipient }
        if type.descriptor.family == .smartContractDeploy { tx.to = nil }
        if fields.contains(.value) { tx.value = 1 }
        if fields.contains(.from) { tx.from = from }
        if fields.contains(.chainID) { tx.chainIDField = UInt256(chainID) }
        if type.descriptor.family == .ethereumDynamicFee { tx.gasTipCap = price }
        if type.feeDelegation == .ratio { tx.feeRatio = 30 }
        if type.descriptor.family == .accountUpdate { tx.key = AccountKey.legacy.serialized }
        return tx
    }

    /// A signed transaction of `type` from `sender`; fee-delegated types are paid by `feePayer`.
    static func signed(_ type: TxType = .valueTransfer, sender: PrivateKey, nonce: UInt64, price: UInt256 = unitPrice,
                       feePayer: PrivateKey? = nil, edit: (inout Transaction) -> Void = { _ in }) -> Transaction {
        var tx = unsigned(type, from: sender.address, nonce: nonce, price: price)
        edit(&tx)
        tx.sign(with: sender, chainID: chainID)
        if tx.isFeeDelegated {
            let payer = feePayer ?? key(40)
            if tx.feePayer == nil { tx.feePayer = payer.address }
            tx.signAsFeePayer(with: payer, chainID: chainID)
        }
        return tx
    }

    /// Signs `count` value transfers per sender for `senders` senders (keys 1000…), on all cores.
    static func transferBatch(senders: Int, perSender: Int) -> [Transaction] {
        let keys = (0..<senders).map { key(UInt16(1000 + $0)) }
        let output = Mutex([Transaction?](repeating: nil, count: senders * perSender))
        DispatchQueue.concurrentPerform(iterations: senders) { index in
            var signed: [Transaction] = []
            for nonce in 0..<perSender { signed.append(Pool.signed(sender: keys[index], nonce: UInt64(nonce))) }
            output.withLock { all in
                for (nonce, tx) in signed.enumerated() { all[nonce * senders + index] = tx }
            }
        }
        return output.withLock { $0.map { $0! } }
    }

    /// The error text of a refused result (or "accepted").
    static func text(_ result: Result<Hash, TxPoolError>) -> String {
        switch result {
        case .success: return "accepted"
        case .failure(let error): return error.description
        }
    }
}

extension UInt256 {
    /// The product (test amounts never overflow).
    func checkedProduct(_ other: UInt256) -> UInt256 { multipliedReportingOverflow(by: other).partialValue }
}

extension TxPool {
    /// Adds one transaction and returns its result's text.
    func addText(_ transaction: Transaction, local: Bool = false) -> String {
        Pool.text(add([transaction], local: local)[0])
    }
}
