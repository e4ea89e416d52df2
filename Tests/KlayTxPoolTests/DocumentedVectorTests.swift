import KlayPrimitives
import KlayTestSupport
import KlayTxPool
import KlayTypes
import Testing

/// Klaytn's documented transaction examples (`../shared/vectors/klaytn-tx-examples.json`) pass the
/// pool's admission when the state holds what they need: the sender's nonce, funds, and the keys that
/// signed them (the examples use decoupled keys).
@Suite struct DocumentedVectorTests {
    @Test func klaytnTypedExamplesAreAdmitted() throws {
        let document = try Vectors.json("klaytn-tx-examples.json") as? [String: Any]
        let records = (document?["vectors"] as? [[String: Any]] ?? []).filter { record in
            record["kind"] as? String == "transaction" && record["semanticValidity"] == nil
                && (record["id"] as? String)?.hasPrefix("ethereum/") == false
        }
        #expect(records.count >= 18)
        for record in records {
            let id = record["id"] as? String ?? "?"
            let tx = try Transaction(rawBytes: Hex.decode(record["rawTx"] as! String))
            let chainID = try UInt256(hex: record["chainId"] as! String)
            var config = Pool.chainConfig()
            config.chainId = chainID
            let head = TxPoolContext(chainConfig: config, headNumber: 10, unitPrice: tx.gasPrice, nextBaseFee: nil)

            var state = MemoryState()
            let senderKey = try PublicKey(bytes: Hex.decode(record["senderPublicKeyX"] as! String)
                + Hex.decode(record["senderPublicKeyY"] as! String))
            let sender = tx.from ?? senderKey.address
            state.nonces[sender] = tx.nonce
            state.balances[sender] = Pool.rich
            if tx.type.encoding == .klaytn { state.keys[sender] = .public(senderKey) }
            if let feePayer = tx.feePayer, let x = record["feePayerPublicKeyX"] as? String, let y = record["feePayerPublicKeyY"] as? String {
                state.balances[feePayer] = Pool.rich
                state.keys[feePayer] = .public(try PublicKey(bytes: Hex.decode(x) + Hex.decode(y)))
            }
            if tx.type.descriptor.family == .smartContractExecution, let to = tx.to { state.contracts.insert(to) }

            let pool = TxPool(head: head, state: state)
            #expect(pool.addText(tx) == "accepted", "\(id)")
            #expect(pool.get(tx.hash)?.sender == sender, "\(id)")
        }
    }
}
