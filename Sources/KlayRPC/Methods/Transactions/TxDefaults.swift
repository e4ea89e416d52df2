import KlayNode
import KlayPrimitives
import KlayTypes

/// What the transaction-argument defaults read from the node (Klaytn's `setDefaults` backends): the
/// chain id, whether the next block is at or after Magma, the suggested price and the pool nonce.
struct TxDefaults {
    let node: NodeServices

    /// The chain id every signature is made for (the chain config's).
    var chainID: UInt64 { node.chain.config.chainId?.uint64Value ?? 0 }

    /// Whether the block after the head is at or after Magma (KIP-71 base fee).
    var nextIsMagma: Bool { node.chain.config.isActive(.magma, at: (node.chain.head.number.uint64Value ?? 0) &+ 1) }

    /// Klaytn's `SuggestPrice`: twice the pool's base fee from Magma, the unit price before it.
    var suggestedPrice: UInt256 {
        let poolPrice = node.pool.gasPrice
        return nextIsMagma ? poolPrice &* UInt256(2) : poolPrice
    }

    /// The nonce `address`'s next transaction should use (pool nonce).
    func pendingNonce(of address: Address) -> UInt64 { node.pool.pendingNonce(of: address) }

    /// A transaction of `type` from `from` with the given fields, Klaytn's defaults where they are nil
    /// (pool nonce, suggested price, gas 90 000).
    func transaction(_ type: TxType, from: Address, nonce: UInt64?, gasPrice: UInt256?, gas: UInt64?) -> Transaction {
        var tx = Transaction(type: type)
        tx.nonce = nonce ?? pendingNonce(of: from)
        tx.gasPrice = gasPrice ?? suggestedPrice
        tx.gas = gas ?? SendTxArgs.defaultGas
        tx.from = from
        return tx
    }

    /// Whether Ethereum typed transactions are accepted at the head (`IsEthTxTypeForkEnabled(head)`).
    var ethTxTypeAtHead: Bool { node.chain.config.isActive(.ethTxType, at: node.chain.head.number.uint64Value ?? 0) }
}

/// Go's `%v` of a `*hexutil.Big` (hex) and of a `*big.Int` (decimal), as Klaytn's fee errors print them.
enum GoNumberText {
    static func hex(_ value: UInt256) -> String { value.hexString }
    static func decimal(_ value: UInt256) -> String { value.description }
}
