import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// Fee-delegated and Ethereum-typed transactions in Klaytn's and Ethereum's shapes, sender tx hashes,
/// raw forms, and pooled transactions.
struct TransactionShapesTests {
    @Test func feeDelegatedAndDynamicFeeTransactions() async throws {
        let fixture = try NodeFixture.reading()
        let delegated = fixture.feeDelegatedTransfer(from: 0, to: 1, payer: 2, nonce: 0)
        let dynamic = fixture.dynamicFeeTransfer(from: 3, to: 1, nonce: 0)
        let block = try fixture.include([delegated, dynamic])
        let baseFee = try #require(block.header.baseFee)
        let a0 = fixture.keys[0].address.hex, a1 = fixture.keys[1].address.hex, a2 = fixture.keys[2].address.hex
        let a3 = fixture.keys[3].address.hex
        let signatures = ChainMethodsTests.signatures(delegated.signatures)
        let payerSignatures = ChainMethodsTests.signatures(delegated.feePayerSignatures)
        #expect(delegated.senderTxHash != delegated.hash)

        let delegatedObject = #"{"blockHash":"\#(block.hash.hex)","blockNumber":"0x1","feePayer":"\#(a2)","feePayerSignatures":\#(payerSignatures),"from":"\#(a0)","gas":"0xc350","gasPrice":"0xae9f7bcc00","hash":"\#(delegated.hash.hex)","nonce":"0x0","senderTxHash":"\#(delegated.senderTxHash.hex)","signatures":\#(signatures),"to":"\#(a1)","transactionIndex":"0x0","type":"TxTypeFeeDelegatedValueTransfer","typeInt":9,"value":"0x7"}"#
        #expect(await fixture.text("klay_getTransactionByHash", [.string(delegated.hash.hex)]) == delegatedObject)
        #expect(await fixture.text("klay_getTransactionBySenderTxHash", [.string(delegated.senderTxHash.hex)]) == delegatedObject)
        #expect(await fixture.text("klay_getTransactionByBlockNumberAndIndex", [.string("0x1"), .string("0x0")]) == delegatedObject)
        #expect(await fixture.text("klay_getTransactionByBlockHashAndIndex", [.string(block.hash.hex), .string("0x5")]) == "null")
        let receipt = try await fixture.call("klay_getTransactionReceiptBySenderTxHash", [.string(delegated.senderTxHash.hex)])
        #expect(receipt["transactionHash"] == .string(delegated.hash.hex) && receipt["feePayer"] == .string(a2))

        // Ethereum mapping of a Klaytn type: type 0x0, first sender signature, no fee-payer data.
        let s = delegated.signatures[0]
        #expect(await fixture.text("eth_getTransactionByHash", [.string(delegated.hash.hex)])
            == #"{"blockHash":"\#(block.hash.hex)","blockNumber":"0x1","from":"\#(a0)","gas":"0xc350","gasPrice":"0xae9f7bcc00","hash":"\#(delegated.hash.hex)","input":"0x","nonce":"0x0","to":"\#(a1)","transactionIndex":"0x0","value":"0x7","type":"0x0","v":"\#(s.v.hexString)","r":"\#(s.r.hexString)","s":"\#(s.s.hexString)"}"#)

        // EIP-1559: gasPrice is the block's base fee in block context and in eth, the fee cap by hash in klay.
        let d = dynamic.signatures[0]
        #expect(await fixture.text("eth_getTransactionByBlockNumberAndIndex", [.string("latest"), .string("0x1")])
            == #"{"blockHash":"\#(block.hash.hex)","blockNumber":"0x1","from":"\#(a3)","gas":"0x5208","gasPrice":"\#(baseFee.hexString)","maxFeePerGas":"0xae9f7bcc00","maxPriorityFeePerGas":"0x1","hash":"\#(dynamic.hash.hex)","input":"0x","nonce":"0x0","to":"\#(a1)","transactionIndex":"0x1","value":"0x3","type":"0x2","accessList":[],"chainId":"0x7e3","v":"\#(d.v.hexString)","r":"\#(d.r.hexString)","s":"\#(d.s.hexString)"}"#)
        let byHash = try await fixture.call("klay_getTransactionByHash", [.string(dynamic.hash.hex)])
        #expect(byHash["gasPrice"] == .string("0xae9f7bcc00") && byHash["typeInt"] == .number("30722"))
        let inBlock = try await fixture.call("klay_getTransactionByBlockNumberAndIndex", [.string("0x1"), .string("0x1")])
        #expect(inBlock["gasPrice"] == .string(baseFee.hexString))

        let ethReceipt = #"{"blockHash":"\#(block.hash.hex)","blockNumber":"0x1","contractAddress":null,"cumulativeGasUsed":"\#(UInt256(UInt64(block.header.gasUsed)).hexString)","effectiveGasPrice":"\#(baseFee.hexString)","from":"\#(a3)","gasUsed":"0x5208","logs":[],"logsBloom":"\#(Bloom.zero.hex)","status":"0x1","to":"\#(a1)","transactionHash":"\#(dynamic.hash.hex)","transactionIndex":"0x1","type":"0x2"}"#
        #expect(await fixture.text("eth_getTransactionReceipt", [.string(dynamic.hash.hex)]) == ethReceipt)
        let ethReceipts = try await fixture.call("eth_getBlockReceipts", [.string("latest")])
        #expect(ethReceipts.serialized().hasSuffix("," + ethReceipt + "]"))

        // Raw forms: Klaytn's with the 0x78 envelope, Ethereum's without.
        #expect(await fixture.text("klay_getRawTransactionByHash", [.string(dynamic.hash.hex)]) == #""\#(Hex.encode(dynamic.rawBytes))""#)
        #expect(await fixture.text("eth_getRawTransactionByHash", [.string(dynamic.hash.hex)]) == #""\#(Hex.encode(dynamic.ethereumRawBytes))""#)
        #expect(dynamic.rawBytes.first == 0x78 && dynamic.ethereumRawBytes.first == 0x02)
        #expect(await fixture.text("eth_getRawTransactionByBlockHashAndIndex", [.string(block.hash.hex), .string("0x0")])
            == #""\#(Hex.encode(delegated.rawBytes))""#)
        #expect(await fixture.text("klay_getRawTransactionByHash", [.string(Hash.zero.hex)]) == #""0x""#)
        #expect(await fixture.text("klay_getTransactionByHash", [.string(Hash.zero.hex)]) == "null")
        #expect(await fixture.text("klay_getTransactionReceipt", [.string(Hash.zero.hex)]) == "null")
        #expect(await fixture.text("eth_getTransactionReceipt", [.string(Hash.zero.hex)]) == "null")
    }

    @Test func pooledTransactions() async throws {
        let fixture = try NodeFixture.reading(unlocked: true)
        let first = fixture.valueTransfer(from: 0, to: 1, nonce: 0)
        let future = fixture.valueTransfer(from: 1, to: 0, nonce: 5)
        for result in fixture.services.pool.add([first, future], local: true) { _ = try result.get() }

        let pooled = try await fixture.call("klay_getTransactionByHash", [.string(first.hash.hex)])
        #expect(pooled["blockHash"] == .string(Hash.zero.hex) && pooled["blockNumber"] == .string("0x0")
            && pooled["transactionIndex"] == .string("0x0"))
        let ethPooled = try await fixture.call("eth_getTransactionByHash", [.string(first.hash.hex)])
        #expect(ethPooled["blockHash"] == .null && ethPooled["blockNumber"] == .null && ethPooled["transactionIndex"] == .null)
        #expect(await fixture.text("klay_getTransactionReceipt", [.string(first.hash.hex)]) == "null")
        #expect(try await fixture.call("klay_pendingTransactions") == .array([pooled]))
        #expect(try await fixture.call("eth_pendingTransactions") == .array([ethPooled]))
        #expect(await fixture.text("klay_getTransactionCount", [.string(fixture.keys[0].address.hex), .string("pending")]) == #""0x1""#)
        #expect(await fixture.text("eth_getTransactionCount", [.string(fixture.keys[0].address.hex), .string("latest")]) == #""0x0""#)

        #expect(await fixture.text("txpool_status") == #"{"pending":"0x1","queued":"0x1"}"#)
        let sender0 = fixture.keys[0].address, sender1 = fixture.keys[1].address
        #expect(await fixture.text("txpool_inspect")
            == #"{"pending":{"\#(sender0.checksummed)":{"0":"\#(sender1.checksummed): 1 peb + 21000 gas × 750000000000 peb"}},"queued":{"\#(sender1.checksummed)":{"5":"\#(sender0.checksummed): 1 peb + 21000 gas × 750000000000 peb"}}}"#)
        let content = try await fixture.call("txpool_content")
        #expect(content["pending"]?[sender0.checksummed]?["0"] == pooled)
    }

    @Test func anchoringTransactionDecoding() async throws {
        let fixture = try NodeFixture.reading()
        #expect(await fixture.text("klay_getDecodedAnchoringTransactionByHash", [.string(Hash.zero.hex)])
            == "error -32000 can't find the transaction")
        let transfer = fixture.valueTransfer(from: 0, to: 1, nonce: 0)
        try fixture.include([transfer])
        #expect(await fixture.text("klay_getDecodedAnchoringTransactionByHash", [.string(transfer.hash.hex)])
            == "error -32000 invalid transaction type")
        // The legacy form rlp([5 hashes, blockNumber]) decodes, numbers as Go float64s, keys sorted.
        var writer = RLPWriter(capacity: 256)
        writer.list { list in
            for byte in UInt8(1)...5 { list.append(bytes: [UInt8](repeating: byte, count: 32)) }
            list.append(UInt64(1234))
        }
        let decoded = try AnchoredDataJSON.decoded(writer.bytes)
        let hash = { (byte: UInt8) in Hex.encode([UInt8](repeating: byte, count: 32)) }
        #expect(decoded.serialized()
            == #"{"blockHash":"\#(hash(1))","blockNumber":1234,"parentHash":"\#(hash(3))","receiptsRoot":"\#(hash(4))","stateRoot":"\#(hash(5))","transactionsRoot":"\#(hash(2))"}"#)
    }
}
