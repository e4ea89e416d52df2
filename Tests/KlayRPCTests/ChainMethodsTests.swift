import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// Klaytn's block, header and receipt objects for a known block; unknown blocks; simple chain facts.
struct ChainMethodsTests {
    static func signatures(_ signatures: [TxSignature]) -> String {
        "[" + signatures.map { #"{"V":"\#($0.v.hexString)","R":"\#($0.r.hexString)","S":"\#($0.s.hexString)"}"# }.joined(separator: ",") + "]"
    }

    @Test func blockHeaderAndTransactionShapes() async throws {
        let fixture = try NodeFixture.reading()
        let transfer = fixture.valueTransfer(from: 0, to: 1, nonce: 0, value: 5)
        let block = try fixture.include([transfer])
        let header = block.header
        let baseFee = try #require(header.baseFee)
        let a0 = fixture.keys[0].address.hex, a1 = fixture.keys[1].address.hex

        let transaction = #"{"blockHash":"\#(block.hash.hex)","blockNumber":"0x1","from":"\#(a0)","gas":"0x5208","gasPrice":"0xae9f7bcc00","hash":"\#(transfer.hash.hex)","nonce":"0x0","senderTxHash":"\#(transfer.hash.hex)","signatures":\#(Self.signatures(transfer.signatures)),"to":"\#(a1)","transactionIndex":"0x0","type":"TxTypeValueTransfer","typeInt":8,"value":"0x5"}"#
        let common = #""baseFeePerGas":"\#(baseFee.hexString)","blockScore":"0x1","extraData":"\#(Hex.encode(header.extra))","gasUsed":"0x5208","governanceData":"0x","hash":"\#(block.hash.hex)","logsBloom":"\#(header.bloom.hex)","number":"0x1","parentHash":"\#(header.parentHash.hex)","receiptsRoot":"\#(header.receiptsRoot.hex)","reward":"\#(header.rewardbase.hex)","#
        let tail = #""stateRoot":"\#(header.stateRoot.hex)","timestamp":"\#(header.time.hexString)","timestampFoS":"\#(UInt256(UInt64(header.timeFoS)).hexString)","totalBlockScore":"0x2","#
        let size = UInt256(UInt64(block.encoded.count)).hexString
        #expect(await fixture.text("klay_getBlockByNumber", [.string("0x1"), .bool(false)])
            == "{" + common + #""size":"\#(size)","# + tail + #""transactions":["\#(transfer.hash.hex)"],"transactionsRoot":"\#(header.transactionsRoot.hex)","voteData":"0x"}"#)
        #expect(await fixture.text("klay_getBlockByHash", [.string(block.hash.hex), .bool(true)])
            == "{" + common + #""size":"\#(size)","# + tail + #""transactions":[\#(transaction)],"transactionsRoot":"\#(header.transactionsRoot.hex)","voteData":"0x"}"#)
        #expect(await fixture.text("klay_getHeaderByNumber", [.string("latest")])
            == #"{"baseFeePerGas":"\#(baseFee.hexString)","blockScore":"0x1","extraData":"\#(Hex.encode(header.extra))","gasUsed":"0x5208","governanceData":"0x","hash":"\#(block.hash.hex)","logsBloom":"\#(header.bloom.hex)","number":"0x1","parentHash":"\#(header.parentHash.hex)","receiptsRoot":"\#(header.receiptsRoot.hex)","reward":"\#(header.rewardbase.hex)","stateRoot":"\#(header.stateRoot.hex)","timestamp":"\#(header.time.hexString)","timestampFoS":"\#(UInt256(UInt64(header.timeFoS)).hexString)","transactionsRoot":"\#(header.transactionsRoot.hex)","voteData":"0x"}"#)
        let headerByNumber = await fixture.text("klay_getHeaderByNumber", [.string("0x1")])
        #expect(await fixture.text("klay_getHeaderByHash", [.string(block.hash.hex)]) == headerByNumber)

        // pending is the head, with hash, nonce and miner nulled.
        let pending = try await fixture.call("klay_getBlockByNumber", [.string("pending"), .bool(false)])
        #expect(pending["hash"] == .null && pending["nonce"] == .null && pending["miner"] == .null && pending["number"] == .string("0x1"))

        let receipt = #"{"blockHash":"\#(block.hash.hex)","blockNumber":"0x1","contractAddress":null,"effectiveGasPrice":"\#(baseFee.hexString)","from":"\#(a0)","gas":"0x5208","gasPrice":"0xae9f7bcc00","gasUsed":"0x5208","logs":[],"logsBloom":"\#(Bloom.zero.hex)","nonce":"0x0","senderTxHash":"\#(transfer.hash.hex)","signatures":\#(Self.signatures(transfer.signatures)),"status":"0x1","to":"\#(a1)","transactionHash":"\#(transfer.hash.hex)","transactionIndex":"0x0","type":"TxTypeValueTransfer","typeInt":8,"value":"0x5"}"#
        #expect(await fixture.text("klay_getTransactionReceipt", [.string(transfer.hash.hex)]) == receipt)
        #expect(await fixture.text("klay_getBlockReceipts", [.string("0x1")]) == "[" + receipt + "]")
        #expect(await fixture.text("klay_getTransactionByHash", [.string(transfer.hash.hex)]) == transaction)
        #expect(await fixture.text("klay_getBlockTransactionCountByNumber", [.string("latest")]) == #""0x1""#)
        #expect(await fixture.text("klay_getBlockTransactionCountByHash", [.string(block.hash.hex)]) == #""0x1""#)
    }

    @Test func unknownBlocksAreErrors() async throws {
        let fixture = try NodeFixture.reading()
        let unknown = Keccak256.hash([UInt8]([1]))
        let decimalBytes = unknown.bytes.map(String.init).joined(separator: " ")
        #expect(await fixture.text("klay_getBlockByNumber", [.string("0x9"), .bool(false)]) == "error -32000 the block does not exist (block number: 9)")
        #expect(await fixture.text("klay_getBlockByHash", [.string(unknown.hex), .bool(false)])
            == "error -32000 the block does not exist (block hash: \(unknown.hex))")
        #expect(await fixture.text("klay_getHeaderByNumber", [.integer(9)]) == "error -32000 the header does not exist (block number: 9)")
        #expect(await fixture.text("klay_getHeaderByHash", [.string(unknown.hex)]) == "error -32000 the header does not exist (hash: [\(decimalBytes)])")
        #expect(await fixture.text("klay_getBlockReceipts", [.string(unknown.hex)]) == "error -32000 the block does not exist (block hash: \(unknown.hex))")
        #expect(await fixture.text("klay_getBlockTransactionCountByNumber", [.string("0x9")]) == "error -32000 the block does not exist (block number: 9)")
        #expect(await fixture.text("klay_getBalance", [.string(fixture.keys[0].address.hex), .string("0x9")])
            == "error -32000 the header does not exist (block number: 9)")
        #expect(await fixture.text("klay_getBalance", [.string(fixture.keys[0].address.hex), .string(unknown.hex)])
            == "error -32000 header for hash not found")
        #expect(await fixture.text("klay_getBlockByNumber", [.string("0x1")]) == "error -32602 missing value for required argument 1")
        #expect(await fixture.text("klay_getBlockByNumber", [.string("1"), .bool(true)])
            == "error -32602 invalid argument 0: hex string without 0x prefix")
        #expect(await fixture.text("klay_getBlockByHash", [.string("0x12"), .bool(true)])
            == "error -32602 invalid argument 0: hex string has length 2, want 64 for common.Hash")
    }

    @Test func chainFacts() async throws {
        let fixture = try NodeFixture.reading()
        #expect(await fixture.text("klay_blockNumber") == #""0x0""#)
        #expect(await fixture.text("klay_chainID", [.integer(1), .integer(2)]) == #""0x7e3""#)
        #expect(await fixture.text("klay_chainId") == #""0x7e3""#)
        #expect(await fixture.text("klay_protocolVersion") == #""0x41""#)
        #expect(await fixture.text("klay_syncing") == "false")
        #expect(await fixture.text("klay_isParallelDBWrite") == "false")
        #expect(await fixture.text("klay_isSenderTxHashIndexingEnabled") == "true")
        #expect(await fixture.text("klay_rewardbase") == #""\#(fixture.services.rewardbase!.hex)""#)
        #expect(await fixture.text("klay_forkStatus", [.string("latest")])
            == #"{"ChainID":2019,"IsCancun":true,"IsDragon":false,"IsEthTxType":true,"IsIstanbul":true,"IsKIP103":false,"IsKore":true,"IsLondon":true,"IsMagma":true,"IsRandao":false,"IsShanghai":true}"#)
        // The genesis block: no transactions, total block score 1.
        let genesis = try await fixture.call("klay_getBlockByNumber", [.string("earliest"), .bool(true)])
        #expect(genesis["transactions"] == .array([]) && genesis["totalBlockScore"] == .string("0x1"))
        #expect(await fixture.text("admin_datadir") == #""/tmp/klay-test""#)
        #expect(await fixture.text("admin_peers") == "[]")
        #expect(await fixture.text("admin_nodeInfo") == "error -32601 the method admin_nodeInfo does not exist/is not available")
    }
}

