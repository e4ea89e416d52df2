import Foundation
import KlayPrimitives
import Testing
@testable import KlayTypes
import KlayTestSupport

/// Klaytn's RPC transaction object (spec/rpc.md §2.1) rendered from the docs' vectors, and the JSON value
/// type behind it (Go-compatible writing, parsing, anchored-data decoding).
@Suite struct TransactionJSONTests {
    static func records() throws -> [[String: Any]] {
        let document = try #require(try Vectors.json("klaytn-tx-examples.json") as? [String: Any])
        let vectors = try #require(document["vectors"] as? [[String: Any]])
        return vectors.filter { $0["kind"] as? String == "transaction" }
    }

    static func object(of record: [String: Any]) throws -> (Transaction, JSONValue) {
        let raw = try Hex.decode(try #require(record["rawTx"] as? String))
        let tx = try Transaction(rawBytes: raw)
        return (tx, tx.rpcJSON())
    }

    static func keys(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.key)
    }

    /// The keys `MakeRPCOutput` of each type returns, plus `senderTxHash`, `from`, `hash` (and `gasPrice`
    /// for 0x7802) from `newRPCTransaction` (klaytn/klaytn v1.12.1).
    static func expectedKeys(_ type: TxType) -> Set<String> {
        var keys: Set<String> = ["typeInt", "type", "gas", "gasPrice", "nonce", "signatures", "senderTxHash", "from", "hash"]
        switch type.descriptor.family {
        case .legacy: keys.formUnion(["to", "value", "input"])
        case .valueTransfer: keys.formUnion(["to", "value"])
        case .valueTransferMemo, .smartContractExecution: keys.formUnion(["to", "value", "input"])
        case .accountUpdate: keys.insert("key")
        case .smartContractDeploy: keys.formUnion(["to", "value", "input", "humanReadable", "codeFormat"])
        case .cancel: break
        case .chainDataAnchoring: keys.formUnion(["input", "inputJSON"])
        case .ethereumAccessList: keys.formUnion(["chainId", "to", "value", "input", "accessList"])
        case .ethereumDynamicFee: keys.formUnion(["chainId", "to", "value", "input", "accessList", "maxPriorityFeePerGas", "maxFeePerGas"])
        }
        if type.feeDelegation != .none { keys.formUnion(["feePayer", "feePayerSignatures"]) }
        if type.feeDelegation == .ratio { keys.insert("feeRatio") }
        return keys
    }

    @Test func everyTypeShowsExactlyItsFieldsInGoOrder() throws {
        var seen: Set<UInt16> = []
        for record in try Self.records() {
            let (tx, json) = try Self.object(of: record)
            let keys = Self.keys(json)
            seen.insert(tx.type.rawValue)
            #expect(Set(keys) == Self.expectedKeys(tx.type), "\(tx.type.name)")
            #expect(keys.count == Set(keys).count, "\(tx.type.name): duplicate keys")
            #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(tx.type.name): not in Go's map order")
        }
        #expect(seen.count == 24)
    }

    @Test func valuesMatchTheVectors() throws {
        for record in try Self.records() {
            let (tx, json) = try Self.object(of: record)
            let id = record["id"] as? String ?? "?"
            func string(_ key: String) -> String? {
                if case .string(let text)? = json[key] { return text }
                return nil
            }
            #expect(json["typeInt"] == .integer(tx.type.rawValue), "\(id)")
            #expect(string("type") == record["txTypeName"] as? String, "\(id)")
            #expect(string("hash") == record["txHash"] as? String, "\(id)")
            #expect(string("senderTxHash") == record["senderTxHash"] as? String, "\(id)")
            #expect(string("from") == record["from"] as? String, "\(id)")
            #expect(string("nonce") == record["nonce"] as? String, "\(id)")
            #expect(string("gas") == record["gas"] as? String, "\(id)")
            for key in ["value", "input", "key", "codeFormat", "feeRatio", "feePayer", "chainId"] where json[key] != nil {
                #expect(string(key) == record[key] as? String, "\(id) \(key)")
            }
            if let readable = record["humanReadable"] as? Bool { #expect(json["humanReadable"] == .bool(readable), "\(id)") }
            if record.keys.contains("to") {
                #expect(json["to"] == ((record["to"] as? String).map { .string($0) } ?? .null), "\(id)")
            }
            if tx.type == .ethereumDynamicFee {
                #expect(string("maxFeePerGas") == record["gasFeeCap"] as? String, "\(id)")
                #expect(string("maxPriorityFeePerGas") == record["gasTipCap"] as? String, "\(id)")
                #expect(string("gasPrice") == record["gasFeeCap"] as? String, "\(id): pending price is the fee cap")
            } else {
                #expect(string("gasPrice") == record["gasPrice"] as? String, "\(id)")
            }
            for (jsonKey, recordKey) in [("signatures", "senderSignatures"), ("feePayerSignatures", "feePayerSignatures")] {
                guard let list = record[recordKey] as? [[String: String]] else { continue }
                let expected = JSONValue.array(list.map { .object([("V", .string($0["V"]!)), ("R", .string($0["R"]!)), ("S", .string($0["S"]!))]) })
                #expect(json[jsonKey] == expected, "\(id) \(jsonKey)")
            }
        }
    }

    @Test func valueTransferIsByteExact() throws {
        let record = try #require(try Self.records().first { $0["id"] as? String == "basic/TxTypeValueTransfer" })
        let (_, json) = try Self.object(of: record)
        #expect(json.serialized() == """
            {"from":"0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b","gas":"0xf4240","gasPrice":"0x19",\
            "hash":"0x762f130342569e9669a4d8547f1248bd2554fbbf3062d63a97ce28bfa97aa9d7","nonce":"0x4d2",\
            "senderTxHash":"0x762f130342569e9669a4d8547f1248bd2554fbbf3062d63a97ce28bfa97aa9d7",\
            "signatures":[{"V":"0x25","R":"0xf3d0cd43661cabf53425535817c5058c27781f478cb5459874feaa462ed3a29a",\
            "S":"0x6748abe186269ff10b8100a4b7d7fea274b53ea2905acbf498dc8b5ab1bf4fbc"}],\
            "to":"0x7b65b75d204abed71587c9e519a89277766ee1d0","type":"TxTypeValueTransfer","typeInt":8,"value":"0xa"}
            """)
    }

    @Test func dynamicFeeGasPriceIsTheBaseFeeInsideABlock() throws {
        let record = try #require(try Self.records().first { $0["txTypeName"] as? String == "TxTypeEthereumDynamicFee" })
        let (tx, _) = try Self.object(of: record)
        #expect(tx.rpcJSON(baseFee: UInt256(25_000_000_000))["gasPrice"] == .string("0x5d21dba00"))
        #expect(tx.rpcJSON(baseFee: UInt256(7))["maxFeePerGas"] == .quantity(tx.gasPrice))
    }

    @Test func contractCreationHasNullTo() throws {
        var tx = Transaction(type: .legacy)
        tx.gas = 53_000
        tx.input = [0x60, 0x00]
        tx.sign(with: try PrivateKey(hex: "0x" + String(repeating: "11", count: 32)), chainID: 1001)
        let json = tx.rpcJSON()
        #expect(json["to"] == .null)
        #expect(json.serialized().contains(#""to":null"#))
    }

    @Test func legacyFromIsZeroWhenRecoveryFails() throws {
        // A protected legacy signature with a high S decodes but does not recover (homestead rule).
        var tx = Transaction(type: .legacy)
        tx.gas = 21_000
        tx.to = .zero
        tx.sign(with: try PrivateKey(hex: "0x" + String(repeating: "22", count: 32)), chainID: 1)
        let n = try UInt256(hex: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
        tx.signatures[0].s = n &- tx.signatures[0].s
        tx.signatures[0].v = tx.signatures[0].v == 37 ? 38 : 37
        let decoded = try Transaction(rawBytes: tx.rawBytes)
        #expect(decoded.rpcJSON()["from"] == .string(Address.zero.hex))
    }

    // MARK: Anchored data

    @Test func anchoredDataForms() throws {
        let records = try Self.records()
        let basic = try #require(records.first { $0["txTypeName"] as? String == "TxTypeChainDataAnchoring" })
        let (_, basicJSON) = try Self.object(of: basic)
        #expect(Self.keys(basicJSON["inputJSON"]!) == ["blockHash", "transactionsRoot", "parentHash", "receiptsRoot", "stateRoot", "blockNumber"])
        #expect(basicJSON["inputJSON"]?["blockNumber"] == .number("5"))
        let delegated = try #require(records.first { $0["txTypeName"] as? String == "TxTypeFeeDelegatedChainDataAnchoring" })
        let (_, delegatedJSON) = try Self.object(of: delegated)
        #expect(delegatedJSON["inputJSON"]?.serialized() == """
            {"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000000",\
            "transactionsRoot":"0x0000000000000000000000000000000000000000000000000000000000000001",\
            "parentHash":"0x0000000000000000000000000000000000000000000000000000000000000002",\
            "receiptsRoot":"0x0000000000000000000000000000000000000000000000000000000000000003",\
            "stateRoot":"0x0000000000000000000000000000000000000000000000000000000000000004",\
            "blockNumber":5,"blockCount":0,"txCount":6}
            """)
    }

    static func typed(_ kind: UInt64, _ payload: [UInt8]) -> [UInt8] {
        RLPWriter.encode { writer in
            writer.list { list in
                list.append(kind)
                list.append(bytes: payload)
            }
        }
    }

    @Test func anchoredJSONPayloadIsReprintedAsGoWould() throws {
        let text = #"{"z": 1, "a": [1e21, 0.000001, 1e-7, -0, 100, 12345678901234567890], "a": {"y": "<&>", "x": null}, "m": "\u00e9\ud83d\ude00\ud800"}"#
        let json = try #require(Transaction.anchoringDataJSON(Self.typed(128, Array(text.utf8))))
        #expect(json.serialized() == #"{"a":{"x":null,"y":"\u003c\u0026\u003e"},"m":"é😀�","z":1}"#)
        #expect(Transaction.anchoringDataJSON(Self.typed(128, Array("[1]".utf8))) == nil)
        #expect(Transaction.anchoringDataJSON(Self.typed(128, Array("null".utf8))) == .null)
        #expect(Transaction.anchoringDataJSON(Self.typed(128, Array(#"{"a":1e400}"#.utf8))) == nil)
        #expect(Transaction.anchoringDataJSON(Self.typed(128, Array("{".utf8))) == nil)
        #expect(Transaction.anchoringDataJSON(Self.typed(1, [])) == nil)
        #expect(Transaction.anchoringDataJSON(Self.typed(0, [0xc0])) == nil)  // type 0 with bad body: no legacy fallback
        #expect(Transaction.anchoringDataJSON([]) == nil)
        #expect(Transaction.anchoringDataJSON([0x12, 0x34]) == nil)
    }

    @Test func legacyAnchoredBlockNumberOfAnySize() throws {
        let number = [UInt8](repeating: 0xff, count: 40)  // 2^320 - 1, wider than UInt256
        let data = RLPWriter.encode { writer in
            writer.list { list in
                for index in 0..<5 { list.append(bytes: [UInt8](repeating: UInt8(index), count: 32)) }
                list.append(bytes: number)
            }
        }
        let json = try #require(Transaction.anchoringDataJSON(data))
        #expect(json["blockNumber"] == .number("2135987035920910082395021706169552114602704522356652769947041607822219725780640550022962086936575"))
        #expect(Transaction.decimalText([0x00, 0x01, 0x00][...]) == "256")
        #expect(Transaction.decimalText([][...]) == "0")
        #expect(Transaction.decimalText([0x3b, 0x9a, 0xca, 0x00][...]) == "1000000000")
    }

    // MARK: JSONValue

    @Test func goFloatFormatting() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "-0"), (1, "1"), (100, "100"), (-2.5, "-2.5"), (0.1, "0.1"), (123.456, "123.456"),
            (1e20, "100000000000000000000"), (1e21, "1e+21"), (1.5e300, "1.5e+300"), (0.000001, "0.000001"),
            (1e-7, "1e-7"), (1.25e-10, "1.25e-10"), (Double("5e-324")!, "5e-324"), (Double("12345678901234567890")!, "12345678901234567000"),
            (1e16, "10000000000000000"), (0.0001, "0.0001"), (1e-5, "0.00001"),
        ]
        for (value, text) in cases { #expect(JSONValue.goFloatText(value) == text, "\(value)") }
    }

    @Test func stringEscapingMatchesGo() {
        let value = JSONValue.string("a\"b\\c\n\r\t\u{01}\u{1f}<>&\u{2028}\u{2029}é😀/")
        #expect(value.serialized() == #""a\"b\\c\n\r\t\u0001\u001f\u003c\u003e\u0026\u2028\u2029é😀/""#)
    }

    @Test func parserRoundTripsAndRejects() throws {
        let text = #" {"a":[true,false,null,-1.5e+3,0,"x\/y\b\f"],"b":{}} "#
        let value = try JSONValue(parsing: Array(text.utf8))
        #expect(value.serialized() == #"{"a":[true,false,null,-1.5e+3,0,"x/y\u0008\u000c"],"b":{}}"#)
        for bad in ["", "{", "[1,]", "01", "1.", "-", "\"\u{01}\"", "\"\\x\"", "tru", "{\"a\" 1}", "1 2", "{1:2}"] {
            #expect(throws: JSONValue.ParseError.self, "\(bad)") { try JSONValue(parsing: Array(bad.utf8)) }
        }
        // Invalid UTF-8 bytes become U+FFFD one byte at a time, as in Go.
        #expect(try JSONValue(parsing: [0x22, 0xe2, 0x82, 0x22]) == .string("\u{fffd}\u{fffd}"))
        func nested(_ depth: Int) -> [UInt8] { Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8) }
        let deepest = try JSONValue(parsing: nested(JSONValue.maxParseDepth))
        #expect(deepest.serialized().utf8.count == 2 * JSONValue.maxParseDepth)
        #expect(deepest.goRoundTripped() == deepest)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: nested(JSONValue.maxParseDepth + 1)) }
    }

    @Test func settingAndSorting() {
        let value = JSONValue.object([("b", .integer(1)), ("a", .object([("d", .null), ("c", .null)]))])
        #expect(value.sortedByKey().serialized() == #"{"a":{"d":null,"c":null},"b":1}"#)
        #expect(value.sortedByKey(recursive: true).serialized() == #"{"a":{"c":null,"d":null},"b":1}"#)
        #expect(value.setting([("b", .bool(true)), ("z", .string("x"))]).serialized() == #"{"b":true,"a":{"d":null,"c":null},"z":"x"}"#)
        #expect(JSONValue.quantity(UInt64(0)) == .string("0x0"))
        #expect(JSONValue.data([]) == .string("0x"))
    }
}
