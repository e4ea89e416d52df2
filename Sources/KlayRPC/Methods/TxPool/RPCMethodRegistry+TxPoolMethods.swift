import KlayNode
import KlayPrimitives
import KlayTxPool
import KlayTypes

extension RPCMethodRegistry {
    /// Registers `txpool_content`, `txpool_inspect` and `txpool_status` (`api/api_public_tx_pool.go`):
    /// pending and queued transactions by sender (EIP-55 checksummed, as Go's `Address.Hex()`) and nonce
    /// (decimal), all maps in Go's key order.
    public func registerTxPoolMethods(_ node: NodeServices) {
        register("txpool", "content") { _ in
            let content = node.pool.content()
            return Self.bySenderAndNonce(content) { KlayTransactionJSON.transaction($0.transaction, at: nil) }
        }
        register("txpool", "inspect") { _ in
            Self.bySenderAndNonce(node.pool.content()) { .string(Self.summary($0.transaction)) }
        }
        register("txpool", "status") { _ in
            let counts = node.pool.counts
            return .object([("pending", .quantity(UInt64(counts.pending))), ("queued", .quantity(UInt64(counts.queued)))])
        }
    }

    /// `{"pending": {sender: {nonce: value}}, "queued": {…}}`.
    private static func bySenderAndNonce(_ content: TxPoolContent, _ value: (PooledTransaction) -> JSONValue) -> JSONValue {
        func group(_ transactions: [Address: [PooledTransaction]]) -> JSONValue {
            JSONValue.object(transactions.map { sender, pooled in
                (sender.checksummed, JSONValue.object(pooled.map { (String($0.nonce), value($0)) }).sortedByKey())
            }).sortedByKey()
        }
        return .object([("pending", group(content.pending)), ("queued", group(content.queued))])
    }

    /// `txpool_inspect`'s line: `<to>: <value> peb + <gas> gas × <price> peb`, or `contract creation: …`
    /// for a transaction without a recipient.
    private static func summary(_ transaction: Transaction) -> String {
        let costs = "\(transaction.value) peb + \(transaction.gas) gas × \(transaction.gasPrice) peb"
        guard let to = transaction.to else { return "contract creation: " + costs }
        return "\(to.checksummed): " + costs
    }
}
