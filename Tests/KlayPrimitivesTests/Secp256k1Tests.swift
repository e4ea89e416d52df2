import Testing
@testable import KlayPrimitives
import KlayTestSupport

@Suite struct Secp256k1Tests {
    /// ethereum/tests BasicTests/keyaddrtest.json: private key → address. (Its `sig_of_emptystring`
    /// signatures were made by an old non-RFC 6979 signer over an unstated message; they neither
    /// reproduce nor recover under keccak256(""), so only the addresses are checked.)
    @Test func keyAddressVectors() throws {
        let cases = try #require(try Vectors.json("ethereum/BasicTests/keyaddrtest.json") as? [[String: Any]])
        #expect(!cases.isEmpty)
        for entry in cases {
            let key = try PrivateKey(hex: try #require(entry["key"] as? String))
            let address = try Address(hex: try #require(entry["addr"] as? String))
            #expect(key.address == address)
        }
    }

    /// Klaytn docs' transaction examples: each signer's key (sender and fee payer) gives the stated public
    /// key, RFC 6979 signing of its sig hash reproduces R and S, and (V, R, S) recovers the signer.
    @Test func klaytnDocsSignaturesReproduce() throws {
        let document = try #require(try Vectors.json("klaytn-tx-examples.json") as? [String: Any])
        let vectors = try #require(document["vectors"] as? [[String: Any]])
        var checked = 0
        for entry in vectors {
            let id = entry["id"] as? String ?? "?"
            let passed = (entry["checksPassed"] as? [String] ?? []).joined(separator: "\n")
            guard passed.contains("sig reproduced by RFC6979 signing"), let chainIDHex = entry["chainId"] as? String else { continue }
            let chainID = try UInt256(hex: chainIDHex).uint64Value ?? 0
            for role in ["sender", "feePayer"] {
                let sigHashField = role == "sender" ? "sigHash" : "feePayerSigHash"
                guard let keyHex = entry["\(role)PrivateKey"] as? String, let sigHashHex = entry[sigHashField] as? String,
                      let signatures = entry["\(role)Signatures"] as? [[String: String]], signatures.count == 1
                else { continue }
                let key = try PrivateKey(hex: keyHex)
                if let xHex = entry["\(role)PublicKeyX"] as? String, let yHex = entry["\(role)PublicKeyY"] as? String {
                    #expect(key.publicKey.uncompressed == [4] + (try Hex.decode(xHex)) + (try Hex.decode(yHex)), "\(id)")
                }
                let hash = try Hash(hex: sigHashHex)
                let v = try UInt256(hex: try #require(signatures[0]["V"])).uint64Value ?? 0
                let r = try UInt256(hex: try #require(signatures[0]["R"]))
                let s = try UInt256(hex: try #require(signatures[0]["S"]))
                // EIP-155 style V for legacy and Klaytn types, bare y-parity for Ethereum typed ones.
                let recoveryID = v >= 35 ? v - 35 - 2 * chainID : v >= 27 ? v - 27 : v
                let signature = key.sign(hash: hash)
                #expect(signature.r == r, "\(id) \(role)")
                #expect(signature.s == s, "\(id) \(role)")
                #expect(UInt64(signature.recoveryID) == recoveryID, "\(id) \(role)")
                #expect(try Secp256k1.recoverAddress(hash: hash, v: recoveryID, r: r, s: s) == key.address, "\(id) \(role)")
                if role == "sender", let fromHex = entry["from"] as? String {
                    #expect(key.address == (try Address(hex: fromHex)), "\(id)")
                }
                checked += 1
            }
        }
        #expect(checked >= 38)  // 24 senders and 14 fee payers
    }

    /// klaytn's ecrecover precompile vectors: input = hash ‖ v ‖ r ‖ s (32 bytes each),
    /// output = the address left-padded to 32 bytes, or empty when nothing can be recovered.
    @Test func ecrecoverPrecompileVectors() throws {
        let cases = try #require(try Vectors.json("precompiles/ecRecover.json") as? [[String: Any]])
        #expect(cases.count >= 5)
        for entry in cases {
            let input = try Hex.decode(try #require(entry["Input"] as? String))
            let expected = try Hex.decode(try #require(entry["Expected"] as? String))
            let padded = input + [UInt8](repeating: 0, count: max(0, 128 - input.count))
            let hash = try Hash(bytes: padded[0..<32])
            let v = try #require(UInt256(bigEndian: padded[32..<64]))
            let r = try #require(UInt256(bigEndian: padded[64..<96]))
            let s = try #require(UInt256(bigEndian: padded[96..<128]))
            var output: [UInt8] = []
            if let v64 = v.uint64Value, v64 == 27 || v64 == 28,
               let address = try? Secp256k1.recoverAddress(hash: hash, v: v64 - 27, r: r, s: s) {
                output = [UInt8](repeating: 0, count: 12) + address.bytes
            }
            #expect(output == expected, "\(entry["Name"] ?? "?")")
        }
    }

    @Test func signRecoverRoundTripAndLowS() throws {
        for _ in 0..<20 {
            let key = PrivateKey.random()
            let message = Keccak256.hash(key.secret.bytes)
            let signature = key.sign(hash: message)
            #expect(signature.s <= Secp256k1.halfOrder)
            #expect(try signature.recoverPublicKey(hash: message) == key.publicKey)
            #expect(try PublicKey(bytes: key.publicKey.uncompressed) == key.publicKey)
            #expect(try PublicKey(bytes: key.publicKey.compressed) == key.publicKey)
            // The same signature with high s (n - s) and the other recovery id recovers the same key,
            // but the EIP-2 rule refuses it.
            let highS = Secp256k1.order &- signature.s
            let flipped = UInt64(signature.recoveryID ^ 1)
            #expect(try Secp256k1.recoverPublicKey(hash: message, v: flipped, r: signature.r, s: highS) == key.publicKey)
            #expect(throws: SignatureError.highS) {
                try Secp256k1.validate(v: flipped, r: signature.r, s: highS, requireLowS: true)
            }
        }
    }

    @Test func badValuesAreRejected() throws {
        let message = Keccak256.hash([1, 2, 3])
        let one = UInt256(1)
        #expect(throws: SignatureError.invalidRecoveryID(2)) { try Secp256k1.recoverAddress(hash: message, v: 2, r: one, s: one) }
        #expect(throws: SignatureError.rOutOfRange) { try Secp256k1.recoverAddress(hash: message, v: 0, r: .zero, s: one) }
        #expect(throws: SignatureError.rOutOfRange) { try Secp256k1.recoverAddress(hash: message, v: 0, r: Secp256k1.order, s: one) }
        #expect(throws: SignatureError.sOutOfRange) { try Secp256k1.recoverAddress(hash: message, v: 0, r: one, s: .zero) }
        #expect(throws: SignatureError.sOutOfRange) { try Secp256k1.recoverAddress(hash: message, v: 0, r: one, s: .max) }
        #expect(throws: SignatureError.invalidPrivateKey) { try PrivateKey(bytes: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: SignatureError.invalidPrivateKey) { try PrivateKey(bytes: Secp256k1.order.bigEndianBytes) }
        #expect(throws: SignatureError.invalidPrivateKey) { try PrivateKey(bytes: [1, 2, 3]) }
        #expect(throws: SignatureError.invalidPrivateKey) { try PrivateKey(hex: "0xzz") }
        #expect(throws: SignatureError.invalidPublicKey) { try PublicKey(bytes: [UInt8](repeating: 7, count: 65)) }
        #expect(throws: SignatureError.invalidPublicKey) { try PublicKey(bytes: [4, 1, 2]) }
    }

    @Test func compactSignaturesAndKeyForms() throws {
        let key = try PrivateKey(hex: "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")
        let message = Keccak256.hash(Array("klaytn".utf8))
        let signature = key.sign(hash: message)
        let compact = signature.compact65
        #expect(compact.count == 65 && compact[64] == signature.recoveryID)
        #expect(try Signature(compact65: compact) == signature)
        #expect(try Signature(compact65: compact.prefix(64) + [compact[64] + 27]) == signature)
        #expect(try Signature(compact65: compact).recoverAddress(hash: message) == key.address)
        #expect(throws: SignatureError.invalidRecoveryID(29)) { try Signature(compact65: compact.prefix(64) + [29]) }
        #expect(throws: SignatureError.invalidSignatureLength(64)) { try Signature(compact65: compact.prefix(64)) }
        // The raw 64-byte X‖Y form parses; the 65-byte "hybrid" forms (0x06/0x07) are refused.
        let uncompressed = key.publicKey.uncompressed
        #expect(try PublicKey(bytes: uncompressed.dropFirst()) == key.publicKey)
        #expect(throws: SignatureError.invalidPublicKey) { try PublicKey(bytes: [6] + uncompressed.dropFirst()) }
        #expect(throws: SignatureError.invalidPublicKey) { try PublicKey(bytes: [7] + uncompressed.dropFirst()) }
        // Printing a key shows its address, never the secret.
        #expect(!String(describing: key).contains("45a915e4"))
    }
}
