import Testing
@testable import KlayPrimitives

@Suite struct Secp256k1Tests {
    /// ethereum/tests BasicTests/keyaddrtest.json: key → address, and the deterministic (RFC 6979)
    /// signature of keccak256("") with v = 27 + recovery id.
    @Test func keyAddressAndSignatureVectors() throws {
        let cases = try #require(try Vectors.json("ethereum/BasicTests/keyaddrtest.json") as? [[String: Any]])
        #expect(!cases.isEmpty)
        let message = Keccak256.hash([UInt8]())
        for entry in cases {
            let key = try PrivateKey(hex: try #require(entry["key"] as? String))
            let address = try Address(hex: try #require(entry["addr"] as? String))
            #expect(key.address == address)

            let expected = try #require(entry["sig_of_emptystring"] as? [String: String])
            let r = try UInt256(decimal: try #require(expected["r"]))
            let s = try UInt256(decimal: try #require(expected["s"]))
            let v = try #require(UInt8(try #require(expected["v"])))
            let signature = key.sign(hash: message)
            #expect(signature.r == r)
            #expect(signature.s == s)
            #expect(signature.recoveryID == v - 27)
            #expect(try Secp256k1.recoverAddress(hash: message, v: UInt64(v - 27), r: r, s: s) == address)
        }
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
}
