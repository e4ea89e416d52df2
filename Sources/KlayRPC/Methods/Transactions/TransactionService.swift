import Foundation
import KlayNode
import KlayPrimitives
import KlayTxPool
import KlayTypes

/// What the send and sign methods share: the node, its defaults, signing with node-held keys, and
/// submitting to the pool with Klaytn's texts (`klaytn:api/api_public_transaction_pool.go`).
final class TransactionService: Sendable {
    let node: NodeServices
    let defaults: TxDefaults
    /// Held while a transaction whose nonce came from the pool is signed and added, so that two
    /// concurrent sends from one account do not take the same nonce (Klaytn's `nonceLock`).
    private let nonceLock = NSLock()

    init(node: NodeServices) {
        self.node = node
        defaults = TxDefaults(node: node)
    }

    var chainID: UInt64 { defaults.chainID }

    /// Runs `body` under the nonce lock when `needed`.
    func withNonceLock<T>(_ needed: Bool, _ body: () throws(RPCError) -> T) throws(RPCError) -> T {
        guard needed else { return try body() }
        nonceLock.lock()
        defer { nonceLock.unlock() }
        return try body()
    }

    /// Adds a signed transaction to the pool as a local one and returns its hash; the pool's refusal
    /// answers with Klaytn's text. An instant dev chain is told to make a block.
    func submit(_ tx: Transaction) throws(RPCError) -> Hash {
        switch node.pool.add([tx], local: true)[0] {
        case .success:
            node.transactionsAdded()
            return tx.hash
        case .failure(let error):
            throw .server(error.description)
        }
    }

    /// Decodes raw bytes (Klaytn's `rlp.DecodeBytes` into a transaction, with its texts).
    static func decodeRaw(_ bytes: [UInt8], form: Transaction.RawForm = .klaytn) throws(RPCError) -> Transaction {
        // Go's RLP stream reports an empty input as a bare EOF.
        guard !bytes.isEmpty else { throw .server("EOF") }
        do {
            return try Transaction(rawBytes: bytes, form: form)
        } catch {
            throw .server(error.description)
        }
    }

    /// The key of an unlocked node account (`unknown account`, `authentication needed: password or unlock`).
    func unlockedKey(_ address: Address) throws(RPCError) -> PrivateKey {
        do { return try node.accounts.requireUnlockedKey(for: address) } catch { throw .server(String(describing: error)) }
    }

    /// The key of a node account decrypted with `password` (`unknown account`,
    /// `could not decrypt key with given passphrase`).
    func passwordKey(_ address: Address, password: String) throws(RPCError) -> PrivateKey {
        do { return try node.accounts.decryptedKey(for: address, password: password) } catch { throw .server(String(describing: error)) }
    }

    /// Klaytn's `am.Find`: `unknown account` unless the node holds `address`.
    func requireAccount(_ address: Address) throws(RPCError) {
        guard node.accounts.contains(address) else { throw .server("unknown account") }
    }

    /// `tx` signed by `key` as its sender for this chain (one signature, as Klaytn's `SignTx` sets it).
    func signed(_ tx: Transaction, with key: PrivateKey) -> Transaction {
        var tx = tx
        if tx.type.encoding == .klaytn { tx.signatures = [] }
        tx.sign(with: key, chainID: chainID)
        return tx
    }

    /// The account that signs `tx` as its fee payer: the fee payer of a fee-delegated type, the sender
    /// of any other Klaytn type (which then fails to sign), `invalid fee payer is set` for Ethereum types.
    static func feePayerAccount(of tx: Transaction) throws(RPCError) -> Address {
        if tx.isFeeDelegated { return tx.feePayer ?? .zero }
        guard tx.type.encoding == .klaytn, let from = tx.from else { throw .server("invalid fee payer is set") }
        return from
    }

    /// `tx` signed by `key` as its fee payer (`not a fee delegation type transaction` for other types).
    func signedAsFeePayer(_ tx: Transaction, with key: PrivateKey) throws(RPCError) -> Transaction {
        guard tx.isFeeDelegated else { throw .server("not a fee delegation type transaction") }
        var tx = tx
        tx.feePayerSignatures = []
        tx.signAsFeePayer(with: key, chainID: chainID)
        return tx
    }

    /// The checks of the `…AsFeePayer` send methods before anything is defaulted: the sender already
    /// signed the type, nonce, gas, price and its signatures.
    static func checkFeePayerArgs(_ args: SendTxArgs) throws(RPCError) {
        if args.typeInt == nil { throw .server("tx should have a type value") }
        if args.nonce == nil { throw .server("nonce of the sender is not set") }
        if args.gas == nil { throw .server("gas limit is not set") }
        if args.gasPrice == nil { throw .server("gas price is not set") }
        if args.signatures == nil { throw .server("sender signature is not set") }
    }

    /// The unsigned transaction of `klay_signTransaction` and its relatives after Klaytn's defaults;
    /// Ethereum typed types need a price first.
    func unsignedTransaction(_ args: SendTxArgs) throws(RPCError) -> Transaction {
        var args = args
        if let number = args.typeInt, number & 0xff00 == 0x7800,
           args.gasPrice == nil && (args.maxPriorityFeePerGas == nil || args.maxFeePerGas == nil) {
            throw .server("missing gasPrice or maxFeePerGas/maxPriorityFeePerGas")
        }
        try args.fillDefaults(defaults)
        return try args.transaction()
    }

    /// The transaction of the `…AsFeePayer` methods, with the sender's signatures when given, and the
    /// account that must sign it as fee payer.
    func feePayerTransaction(_ args: SendTxArgs) throws(RPCError) -> (Transaction, Address) {
        var args = args
        try args.fillDefaults(defaults)
        var tx = try args.transaction()
        if let signatures = args.signatures { tx.signatures = signatures }
        return (tx, try Self.feePayerAccount(of: tx))
    }
}
