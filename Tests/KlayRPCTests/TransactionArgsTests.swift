import KlayPrimitives
import KlayTestSupport
import KlayTypes
import Testing

@testable import KlayRPC

/// `SendTxArgs` and `EthTransactionArgs` decoding (Go's texts) and `toTransaction` against the Klaytn
/// docs' transaction examples.
struct TransactionArgsTests {
    private static func records() throws -> [[String: Any]] {
        let root = try #require(Vectors.json("klaytn-tx-examples.json") as? [String: Any])
        return try #require(root["vectors"] as? [[String: Any]]).filter { $0["kind"] as? String == "transaction" }
    }

    /// Every Klaytn-type docs example, given to `SendTxArgs` as a client would and signed by its keys,
    /// reproduces the docs' raw bytes, hashes and `tx` JSON hash.
    @Test func docsExamplesRebuildFromSendTxArgs() throws {
        var checked = 0
        for record in try Self.records() {
            let typeNumber = try #require(UInt16((record["txType"] as! String).dropFirst(2), radix: 16))
            guard typeNumber != 0, typeNumber & 0xff00 == 0 else { continue }
            var members: [(key: String, value: JSONValue)] = [("typeInt", .integer(typeNumber))]
            for key in ["from", "to", "gas", "gasPrice", "value", "nonce", "input", "key", "feePayer"] {
                if let text = record[key] as? String { members.append((key, .string(text))) }
            }
            for key in ["codeFormat", "feeRatio"] {
                if let text = record[key] as? String { members.append((key, .integer(UInt64(text.dropFirst(2), radix: 16)!))) }
            }
            if let flag = record["humanReadable"] as? Bool { members.append(("humanReadable", .bool(flag))) }
            let args = try SendTxArgs(json: .object(members))
            var tx = try args.transaction()
            tx.sign(with: try PrivateKey(hex: record["senderPrivateKey"] as! String), chainID: 1)
            #expect(tx.senderTxHash.hex == record["senderTxHash"] as? String, "\(record["id"]!)")
            if let payerKey = record["feePayerPrivateKey"] as? String {
                tx.signAsFeePayer(with: try PrivateKey(hex: payerKey), chainID: 1)
            }
            #expect(Hex.encode(tx.rawBytes) == record["rawTx"] as? String, "\(record["id"]!)")
            #expect(SignedTransactionJSON.klaytn(tx)["hash"] == .string(record["txHash"] as! String))
            checked += 1
        }
        #expect(checked == 21)
    }

    @Test func sendTxArgsGoTexts() throws {
        func message(_ value: JSONValue) -> String? {
            do { _ = try SendTxArgs(json: value); return nil } catch { return error.description }
        }
        #expect(message(.string("x")) == "json: cannot unmarshal string into Go value of type api.SendTxArgs")
        #expect(message(.object([("gas", .string("12"))]))
            == "json: cannot unmarshal hex string without 0x prefix into Go struct field SendTxArgs.gas of type hexutil.Uint64")
        #expect(message(.object([("typeInt", .string("0x8"))]))
            == "json: cannot unmarshal string into Go struct field SendTxArgs.typeInt of type types.TxType")
        #expect(message(.object([("feeRatio", .number("256"))]))
            == "json: cannot unmarshal number 256 into Go struct field SendTxArgs.feeRatio of type types.FeeRatio")
        #expect(message(.object([("from", .null)]))
            == "json: cannot unmarshal non-string into Go struct field SendTxArgs.from of type common.Address")
        #expect(message(.object([("signatures", .array([.object([("V", .number("1"))])]))]))
            == "json: cannot unmarshal non-string into Go struct field TxSignatureJSON.signatures.V of type *hexutil.Big")
        // A type mismatch Go finds itself is reported only after the fields that follow it decode.
        #expect(message(.object([("humanReadable", .string("yes")), ("gas", .string("0x01"))]))
            == "json: cannot unmarshal hex number with leading zero digits into Go struct field SendTxArgs.gas of type hexutil.Uint64")
        #expect(message(.object([("humanReadable", .string("yes")), ("gas", .string("0x1"))]))
            == "json: cannot unmarshal string into Go struct field SendTxArgs.humanReadable of type bool")
        // Keys match case-insensitively; null leaves a pointer unset.
        let args = try SendTxArgs(json: .object([("GAS", .string("0x5")), ("to", .null), ("Signatures", .array([]))]))
        #expect(args.gas == 5 && args.to == nil && args.signatures == [])
        #expect(try SendTxArgs(json: .null) == SendTxArgs())
    }

    @Test func ethArgsGoTexts() throws {
        func message(_ value: JSONValue) -> String? {
            do { _ = try EthSendTxArgs(json: value); return nil } catch { return error.description }
        }
        #expect(message(.array([])) == "json: cannot unmarshal array into Go value of type api.EthTransactionArgs")
        #expect(message(.object([("accessList", .string("x"))]))
            == "json: cannot unmarshal string into Go struct field EthTransactionArgs.accessList of type types.AccessList")
        #expect(message(.object([("accessList", .array([.object([("address", .number("1"))])]))]))
            == "json: cannot unmarshal non-string into Go struct field AccessTuple.accessList.address of type common.Address")
        let args = try EthSendTxArgs(json: .object([("data", .string("0x01")), ("input", .string("0x02"))]))
        #expect(args.payload == [2])
    }
}
