import Foundation
import KlayPrimitives
import Testing
@testable import KlayTypes
import KlayTestSupport

/// Every transaction record of Klaytn docs' examples (`klaytn-tx-examples.json`, schema in
/// spec/transactions.md §15): decode → the stated fields, encode → the same bytes, every hash and
/// signing preimage, RFC 6979 signing reproduces the signatures, recovery gives the signers.
@Suite struct TransactionVectorTests {
    struct Record {
        let fields: [String: Any]
        var id: String { fields["id"] as? String ?? "?" }
        func string(_ key: String) -> String? { fields[key] as? String }
        func bytes(_ key: String) throws -> [UInt8]? { try string(key).map { try Hex.decode($0) } }
        func quantity(_ key: String) throws -> UInt256? { try string(key).map { try UInt256(hex: $0) } }
        func address(_ key: String) throws -> Address? { try string(key).map { try Address(hex: $0) } }
        func signatures(_ key: String) throws -> [TxSignature]? {
            guard let list = fields[key] as? [[String: String]] else { return nil }
            return try list.map {
                TxSignature(v: try UInt256(hex: $0["V"] ?? ""), r: try UInt256(hex: $0["R"] ?? ""), s: try UInt256(hex: $0["S"] ?? ""))
            }
        }
    }

    static func records() throws -> [Record] {
        let document = try #require(try Vectors.json("klaytn-tx-examples.json") as? [String: Any])
        let vectors = try #require(document["vectors"] as? [[String: Any]])
        return vectors.filter { $0["kind"] as? String == "transaction" }.map(Record.init)
    }

    @Test func allTwentyFourTypesAreCovered() throws {
        let types = Set(try Self.records().compactMap { $0.string("txType") })
        #expect(types.count == 24)
        #expect(TxType.allCases.count == 24)
        for type in TxType.allCases {
            #expect(types.contains("0x" + String(type.rawValue, radix: 16)), "\(type.name)")
        }
    }

    @Test func decodeGivesTheStatedFields() throws {
        for record in try Self.records() {
            let raw = try #require(try record.bytes("rawTx"))
            let tx = try Transaction(rawBytes: raw)
            let id = record.id
            #expect("0x" + String(tx.type.rawValue, radix: 16) == record.string("txType"), "\(id)")
            #expect(tx.type.name == record.string("txTypeName"), "\(id)")
            #expect(UInt256(tx.nonce) == (try record.quantity("nonce")), "\(id)")
            #expect(UInt256(tx.gas) == (try record.quantity("gas")), "\(id)")
            if let gasPrice = try record.quantity("gasPrice") { #expect(tx.gasPrice == gasPrice, "\(id)") }
            if let feeCap = try record.quantity("gasFeeCap") { #expect(tx.gasPrice == feeCap, "\(id)") }
            if let tip = try record.quantity("gasTipCap") { #expect(tx.gasTipCap == tip, "\(id)") }
            if record.fields.keys.contains("to") { #expect(tx.to == (try record.address("to")), "\(id)") }
            if let value = try record.quantity("value") { #expect(tx.value == value, "\(id)") }
            if tx.type.encoding == .klaytn { #expect(tx.from == (try record.address("from")), "\(id)") }
            if let input = try record.bytes("input") { #expect(tx.input == input, "\(id)") }
            if let key = try record.bytes("key") { #expect(tx.key == key, "\(id)") }
            if let readable = record.fields["humanReadable"] as? Bool { #expect(tx.humanReadable == readable, "\(id)") }
            if let format = try record.quantity("codeFormat") { #expect(UInt256(UInt64(tx.codeFormat)) == format, "\(id)") }
            if let ratio = try record.quantity("feeRatio") { #expect(UInt256(UInt64(tx.feeRatio)) == ratio, "\(id)") }
            if let feePayer = try record.address("feePayer") { #expect(tx.feePayer == feePayer, "\(id)") }
            if let chain = try record.quantity("chainId") { #expect(tx.chainID == chain, "\(id)") }
            #expect(tx.signatures == (try record.signatures("senderSignatures")), "\(id)")
            if let feePayerSignatures = try record.signatures("feePayerSignatures") {
                #expect(tx.feePayerSignatures == feePayerSignatures, "\(id)")
            }
            if let list = record.fields["accessList"] as? [[String: Any]] {
                let expected = try list.map { entry in
                    AccessListEntry(address: try Address(hex: entry["address"] as? String ?? ""),
                                    storageKeys: try (entry["storageKeys"] as? [String] ?? []).map { try Hash(hex: $0) })
                }
                #expect(tx.accessList == expected, "\(id)")
            }
        }
    }

    @Test func encodingAndHashesMatch() throws {
        for record in try Self.records() {
            let id = record.id
            let raw = try #require(try record.bytes("rawTx"))
            let tx = try Transaction(rawBytes: raw)
            let chainID = try #require(try record.quantity("chainId")?.uint64Value)
            #expect(tx.rawBytes == raw, "\(id)")
            #expect(tx.hash == (try Hash(hex: try #require(record.string("txHash")))), "\(id)")
            #expect(tx.senderTxHash == (try Hash(hex: try #require(record.string("senderTxHash")))), "\(id)")
            #expect(tx.signingPreimage(chainID: chainID) == (try record.bytes("sigRLP")), "\(id)")
            #expect(tx.signatureHash(chainID: chainID) == (try Hash(hex: try #require(record.string("sigHash")))), "\(id)")
            if let feePayerSigHash = record.string("feePayerSigHash") {
                #expect(tx.feePayerSignatureHash(chainID: chainID) == (try Hash(hex: feePayerSigHash)), "\(id)")
            }
            if let ethereumRaw = try record.bytes("ethereumRawTx") {
                #expect(tx.ethereumRawBytes == ethereumRaw, "\(id)")
                #expect(try Transaction(rawBytes: ethereumRaw, form: .ethereum) == tx, "\(id)")
            } else if tx.type == .legacy {
                #expect(try Transaction(rawBytes: raw, form: .ethereum) == tx, "\(id)")
            } else {
                // As in Klaytn's eth_sendRawTransaction: a first byte below 0x7f is read as an
                // EIP-2718 type, so Klaytn's own types cannot come in through the eth namespace.
                #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: raw, form: .ethereum) }
            }
        }
    }

    @Test func signingReproducesAndRecoveryFindsTheSigners() throws {
        for record in try Self.records() {
            let id = record.id
            let raw = try #require(try record.bytes("rawTx"))
            let signed = try Transaction(rawBytes: raw)
            let chainID = try #require(try record.quantity("chainId")?.uint64Value)
            let senderKey = try PrivateKey(hex: try #require(record.string("senderPrivateKey")))

            var unsigned = signed
            unsigned.signatures = []
            unsigned.feePayerSignatures = []
            unsigned.sign(with: senderKey, chainID: chainID)
            #expect(unsigned.signatures == signed.signatures, "\(id)")
            #expect(try signed.recoverSigners(chainID: chainID) == [senderKey.publicKey], "\(id)")
            if signed.type.encoding != .klaytn {
                #expect(try signed.sender(chainID: chainID) == senderKey.address, "\(id)")
            }
            if let feePayerKeyHex = record.string("feePayerPrivateKey") {
                let feePayerKey = try PrivateKey(hex: feePayerKeyHex)
                unsigned.signAsFeePayer(with: feePayerKey, chainID: chainID)
                #expect(unsigned == signed, "\(id)")
                #expect(try signed.recoverFeePayerSigners(chainID: chainID) == [feePayerKey.publicKey], "\(id)")
            }
            #expect(throws: TxError.invalidChainID) { try signed.recoverSigners(chainID: chainID + 1) }
        }
    }

    @Test func accountUpdateWithAnUndecodableKeyIsRefused() throws {
        let record = try #require(try Self.records().first { $0.string("txType") == "0x20" })
        var raw = try #require(try record.bytes("rawTx"))
        let key = try #require(try record.bytes("key"))
        // The key byte string sits in the body; turn its type byte (0x02, public) into an undefined 0x07.
        let start = try #require(raw.firstRange(of: key)).lowerBound
        raw[start] = 0x07
        #expect(throws: TxError.keyNotSerializable) { try Transaction(rawBytes: raw) }
        #expect(TxError.keyNotSerializable.description == "key is not serializable")
    }
}
