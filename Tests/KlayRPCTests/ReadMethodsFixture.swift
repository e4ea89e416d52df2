import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// A node with every chain-reading method registered, and helpers to put transactions of several
/// Klaytn types into blocks.
extension NodeFixture {
    /// 750 ston, KIP-71's upper bound: valid whatever the base fee.
    static let price = UInt256(750_000_000_000 as UInt64)

    static func reading(accounts: Int = 4, unlocked: Bool = false) throws -> NodeFixture {
        try NodeFixture(accounts: accounts, unlocked: unlocked) { registry, services in registry.registerReadMethods(services) }
    }

    /// A signed value transfer of `value` peb from `keys[from]` to `keys[to]`.
    func valueTransfer(from: Int, to: Int, nonce: UInt64, value: UInt64 = 1) -> Transaction {
        var tx = Transaction(type: .valueTransfer)
        tx.nonce = nonce
        tx.gasPrice = Self.price
        tx.gas = 21_000
        tx.from = keys[from].address
        tx.to = keys[to].address
        tx.value = UInt256(value)
        tx.sign(with: keys[from], chainID: Self.chainID)
        return tx
    }

    /// A fee-delegated value transfer from `keys[from]` paid by `keys[payer]`.
    func feeDelegatedTransfer(from: Int, to: Int, payer: Int, nonce: UInt64) -> Transaction {
        var tx = Transaction(type: .feeDelegatedValueTransfer)
        tx.nonce = nonce
        tx.gasPrice = Self.price
        tx.gas = 50_000
        tx.from = keys[from].address
        tx.to = keys[to].address
        tx.value = UInt256(7)
        tx.feePayer = keys[payer].address
        tx.sign(with: keys[from], chainID: Self.chainID)
        tx.signAsFeePayer(with: keys[payer], chainID: Self.chainID)
        return tx
    }

    /// An EIP-1559 transfer from `keys[from]`.
    func dynamicFeeTransfer(from: Int, to: Int, nonce: UInt64) -> Transaction {
        var tx = Transaction(type: .ethereumDynamicFee)
        tx.nonce = nonce
        tx.gasPrice = Self.price
        tx.gasTipCap = UInt256(1)
        tx.gas = 21_000
        tx.to = keys[to].address
        tx.value = UInt256(3)
        tx.sign(with: keys[from], chainID: Self.chainID)
        return tx
    }

    /// A legacy contract creation whose init code emits one log with `topic` and data 42 (32 bytes).
    func logEmittingCreation(from: Int, nonce: UInt64, topic: Hash) -> Transaction {
        var tx = Transaction(type: .legacy)
        tx.nonce = nonce
        tx.gasPrice = Self.price
        tx.gas = 200_000
        tx.input = [0x60, 0x2a, 0x60, 0x00, 0x52, 0x7f] + topic.bytes + [0x60, 0x20, 0x60, 0x00, 0xa1, 0x00]
        tx.sign(with: keys[from], chainID: Self.chainID)
        return tx
    }

    /// Adds `transactions` to the pool (all must be accepted) and produces a block.
    @discardableResult
    func include(_ transactions: [Transaction]) throws -> Block {
        for result in services.pool.add(transactions, local: true) { _ = try result.get() }
        let produced = try produceBlock()
        #expect(produced.block.transactions.count == transactions.count)
        return produced.block
    }

    /// Serialized result of `method`, or `error <code> <message>`.
    func text(_ method: String, _ params: [JSONValue] = []) async -> String {
        do {
            return try await call(method, params).serialized()
        } catch let error as RPCError {
            return "error \(error.code) \(error.message)"
        } catch {
            return "error \(error)"
        }
    }

    /// Calls `method` until `done` accepts the serialized result (events reach filters asynchronously).
    func poll(_ method: String, _ params: [JSONValue], until done: (String) -> Bool) async -> String {
        var last = ""
        for _ in 0..<200 {
            last = await text(method, params)
            if done(last) { return last }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return last
    }
}

