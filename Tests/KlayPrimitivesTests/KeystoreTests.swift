import Foundation
import Testing
@testable import KlayPrimitives
import KlayTestSupport

/// Web3 Secret Storage v3 and Klaytn v4 key files: third-party vectors, Klaytn's own samples,
/// round trips, and one test per kind of malformed input.
@Suite struct KeystoreTests {
    /// Cheap scrypt settings for round trips (geth's and Klaytn's tests use n = 2, p = 1 as "very light").
    static let fastKDF = KeystoreKDF.scrypt(.init(n: 16, p: 1))

    // MARK: Third-party vectors

    /// shared/vectors/keystore/v3_test_vector.json (geth's and Klaytn's testdata): each case decrypts
    /// to its `priv` (left-padded to 32 bytes; the 30- and 31-byte cases store a short secret).
    /// The wiki scrypt case uses r = 1 with n = 2^18, which breaks RFC 7914's n < 2^(16·r) and which
    /// BoringSSL refuses, so it must fail cleanly with that reason; see ``wikiScryptVectorIsRefused``.
    @Test(arguments: ["wikipage_test_vector_pbkdf2", "31_byte_key", "30_byte_key"])
    func v3Vectors(name: String) throws {
        let vectors = try #require(try Vectors.json("keystore/v3_test_vector.json") as? [String: Any])
        let entry = try #require(vectors[name] as? [String: Any])
        let json = try JSONSerialization.data(withJSONObject: try #require(entry["json"]))
        let password = try #require(entry["password"] as? String)
        let priv = try Hex.decode(try #require(entry["priv"] as? String))

        let file = try KeystoreFile(json: json)
        #expect(file.version == .v3)
        #expect(try file.keyring[0][0].decryptSecret(password: password) == priv)
        let account = try file.decrypt(password: password)
        let expected = [UInt8](repeating: 0, count: 32 - priv.count) + priv
        #expect(account.defaultKey.secret.bytes == expected)
        #expect(account.keys.map(\.count) == [1])
        // No address in these files: the key's own address stands in.
        #expect(account.address == account.defaultKey.address)
        #expect(throws: KeystoreError.macMismatch) { try file.decrypt(password: password + "x") }
    }

    @Test func wikiScryptVectorIsRefused() throws {
        let vectors = try #require(try Vectors.json("keystore/v3_test_vector.json") as? [String: Any])
        let entry = try #require(vectors["wikipage_test_vector_scrypt"] as? [String: Any])
        let json = try JSONSerialization.data(withJSONObject: try #require(entry["json"]))
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.n", value: 262_144)) {
            try KeystoreFile(json: json)
        }
    }

    /// The geth key file in shared/vectors/keystore (password "foobar").
    @Test func utcKeyFile() throws {
        let url = try Vectors.url(
            "keystore/UTC--2016-03-22T12-57-55.920751759Z--7ef5a6135f1fd6a02593eedc869c6d41d934aef8")
        let expected = try Address(hex: "0x7ef5a6135f1fd6a02593eedc869c6d41d934aef8")
        let account = try KeystoreFile.decrypt(json: Data(contentsOf: url), password: "foobar", expecting: expected)
        #expect(account.address == expected)
        #expect(account.defaultKey.address == expected)
        #expect(account.id == UUID(uuidString: "950077c7-71e3-4c44-a4a1-143919141ed4"))
    }

    /// very-light-scrypt.json: Klaytn's TestKeyEncryptDecrypt (keystore_passphrase_test.go) opens it
    /// with the empty password and expects address 45dea0fb0bba44f4fcf290bba71fd57d7117cbb8.
    @Test func veryLightScryptWithEmptyPassword() throws {
        let json = try Data(contentsOf: Vectors.url("keystore/very-light-scrypt.json"))
        let expected = try Address(hex: "45dea0fb0bba44f4fcf290bba71fd57d7117cbb8")
        let account = try KeystoreFile.decrypt(json: json, password: "")
        #expect(account.address == expected)
        #expect(account.defaultKey.address == expected)
    }

    /// Why the wiki scrypt vector is refused: swift-crypto's scrypt (BoringSSL) rejects n ≥ 2^(16·r),
    /// RFC 7914's bound, which go-ethereum's Go scrypt does not enforce. Our own check says so first.
    @Test func scryptBackendBound() throws {
        let atBound = KeystoreKDF.scrypt(.init(n: 1 << 16, r: 1, p: 1))
        #expect(throws: KeystoreError.self) { try atBound.deriveKey(password: [1], salt: [1]) }
        #expect(throws: KeystoreError.parameterOutOfRange(field: "n", value: 1 << 16)) { try atBound.validate(path: "") }
        let belowBound = KeystoreKDF.scrypt(.init(n: 1 << 15, r: 1, p: 1))
        try belowBound.validate(path: "")
        #expect(try belowBound.deriveKey(password: [1], salt: [1]).count == 32)
    }

    /// Empty passwords (Klaytn's very-light test uses one) and empty salts reach swift-crypto safely.
    @Test func emptyPasswordAndSalt() throws {
        for kdf in [Self.fastKDF, KeystoreKDF.pbkdf2(.init(c: 2))] {
            let crypto = try KeystoreCrypto.encrypt(secret: [7], password: "", kdf: kdf, salt: [])
            #expect(try crypto.decryptSecret(password: "") == [7])
        }
    }

    @Test func wrongPasswordIsMACMismatch() throws {
        let json = try Data(contentsOf: Vectors.url("keystore/very-light-scrypt.json"))
        #expect(throws: KeystoreError.macMismatch) { try KeystoreFile.decrypt(json: json, password: "bad") }
        #expect(KeystoreError.macMismatch.description == "could not decrypt key with given password")
    }

    /// Klaytn reads "Crypto" (Go's JSON field matching ignores case), and so do we.
    @Test func capitalisedCryptoField() throws {
        let json = try veryLight { object in
            let crypto = object.removeValue(forKey: "crypto")
            object["Crypto"] = crypto
        }
        let account = try KeystoreFile.decrypt(json: json, password: "")
        #expect(account.address == (try Address(hex: "45dea0fb0bba44f4fcf290bba71fd57d7117cbb8")))
    }

    @Test func expectedAddressMismatch() throws {
        let json = try Data(contentsOf: Vectors.url("keystore/very-light-scrypt.json"))
        let other = try Address(hex: "0x7ef5a6135f1fd6a02593eedc869c6d41d934aef8")
        let found = try Address(hex: "45dea0fb0bba44f4fcf290bba71fd57d7117cbb8")
        #expect(throws: KeystoreError.addressMismatch(expected: other, found: found)) {
            try KeystoreFile.decrypt(json: json, password: "", expecting: other)
        }
    }

    // MARK: Klaytn's samples

    /// The v4 (and one v3) samples of Klaytn's keystore_passphrase_test.go decrypt to the keys it expects.
    @Test(arguments: KlaytnKeystoreSamples.all.map(\.name))
    func klaytnSamples(name: String) throws {
        let sample = try #require(KlaytnKeystoreSamples.all.first { $0.name == name })
        let account = try KeystoreFile.decrypt(json: Data(sample.json.utf8), password: sample.password)
        #expect(account.address == (try Address(hex: sample.address)))
        #expect(account.keys.map { $0.map(\.secret.bytes) } == (try sample.keys.map { try $0.map { try Hex.decode($0) } }))
        // Roles index the keyring; roles beyond it have no keys (TestKeyDecryptV4RoleBased has all three).
        for role in KeystoreAccount.Role.allCases {
            let expected = role.rawValue < sample.keys.count ? sample.keys[role.rawValue] : []
            #expect(account.keys(for: role).map { Hex.encode($0.secret.bytes, prefix: false) } == expected)
        }
        #expect(throws: KeystoreError.macMismatch) {
            try KeystoreFile.decrypt(json: Data(sample.json.utf8), password: "wrong")
        }
    }

    // MARK: Round trips

    @Test func v3RoundTripLight() throws {
        let key = PrivateKey.random()
        let file = try KeystoreFile.v3(key: key, password: "pass phrase ✓", kdf: .light)
        let text = file.json
        #expect(text.hasPrefix("{\"address\":\"\(key.address.hex.dropFirst(2))\",\"crypto\":{\"cipher\":\"aes-128-ctr\""))
        #expect(text.hasSuffix(",\"version\":3}"))
        #expect(text.contains("\"kdfparams\":{\"dklen\":32,\"n\":4096,\"p\":6,\"r\":8,\"salt\":\""))

        let parsed = try KeystoreFile(json: text)
        #expect(parsed == file)
        let account = try parsed.decrypt(password: "pass phrase ✓", expecting: key.address)
        #expect(account.keys == [[key]])
        #expect(account.id == file.id)
        #expect(throws: KeystoreError.macMismatch) { try parsed.decrypt(password: "pass phrase") }

        // Foundation's JSON reader (as any other tool) agrees on the shape.
        let object = try #require(try JSONSerialization.jsonObject(with: file.jsonData) as? [String: Any])
        #expect(object["version"] as? Int == 3)
        #expect((object["crypto"] as? [String: Any])?["kdf"] as? String == "scrypt")
    }

    @Test func v3RoundTripPBKDF2() throws {
        let key = PrivateKey.random()
        let file = try KeystoreFile.v3(key: key, password: "pw", kdf: .pbkdf2(.init(c: 1024)))
        #expect(file.json.contains("\"kdfparams\":{\"c\":1024,\"dklen\":32,\"prf\":\"hmac-sha256\",\"salt\":\""))
        #expect(try KeystoreFile.decrypt(json: file.jsonData, password: "pw").defaultKey == key)
    }

    @Test func v3DecoupledAddress() throws {
        let key = PrivateKey.random()
        let account = try Address(hex: "0x5bf1a459fcac4dae0910c420d9c4643a89855c4f")
        let file = try KeystoreFile.v3(key: key, password: "pw", kdf: Self.fastKDF, address: account)
        let decrypted = try KeystoreFile.decrypt(json: file.jsonData, password: "pw")
        #expect(decrypted.address == account)
        #expect(decrypted.defaultKey == key)
    }

    @Test func v4RoundTrip() throws {
        let keys = [[PrivateKey.random(), PrivateKey.random()], [PrivateKey.random()], [PrivateKey.random(), PrivateKey.random()]]
        let address = try Address(hex: "0x5bf1a459fcac4dae0910c420d9c4643a89855c4f")
        let file = try KeystoreFile.v4(keys: keys, password: "password", kdf: Self.fastKDF, address: address)
        let text = file.json
        #expect(text.hasPrefix("{\"address\":\"5bf1a459fcac4dae0910c420d9c4643a89855c4f\",\"keyring\":[[{\"cipher\""))
        #expect(text.hasSuffix(",\"version\":4}"))
        // Every key has its own salt and iv.
        let salts = Set(file.keyring.joined().map(\.salt))
        let ivs = Set(file.keyring.joined().map(\.iv))
        #expect(salts.count == 5 && ivs.count == 5)

        let parsed = try KeystoreFile(json: text)
        #expect(parsed == file)
        let account = try parsed.decrypt(password: "password", expecting: address)
        #expect(account.keys == keys)
        #expect(account.keys(for: .feePayer) == keys[2])
    }

    @Test func v4DefaultsAddressToFirstKey() throws {
        let key = PrivateKey.random()
        let file = try KeystoreFile.v4(keys: [[key]], password: "", kdf: Self.fastKDF)
        #expect(file.address == key.address)
        #expect(try file.decrypt(password: "").keys == [[key]])
    }

    @Test func cryptoObjectRoundTripWithFixedSaltAndIV() throws {
        let secret = [UInt8](repeating: 0x11, count: 32)
        let salt = [UInt8](repeating: 0xaa, count: 32)
        let iv = [UInt8](repeating: 0x01, count: 16)
        let a = try KeystoreCrypto.encrypt(secret: secret, password: "x", kdf: Self.fastKDF, salt: salt, iv: iv)
        let b = try KeystoreCrypto.encrypt(secret: secret, password: "x", kdf: Self.fastKDF, salt: salt, iv: iv)
        #expect(a == b)
        #expect(try a.decryptSecret(password: "x") == secret)
        #expect(try a.decrypt(password: "x").secret.bytes == secret)
    }

    // MARK: Malformed input

    @Test func truncatedJSON() throws {
        let text = try String(contentsOf: Vectors.url("keystore/very-light-scrypt.json"), encoding: .utf8)
        #expect(throwsInvalidJSON { try KeystoreFile(json: String(text.prefix(100))) })
        #expect(throwsInvalidJSON { try KeystoreFile(json: "") })
        #expect(throwsInvalidJSON { try KeystoreFile(json: "[1, 2]") })
    }

    @Test func missingCrypto() throws {
        let json = try veryLight { $0["crypto"] = nil }
        #expect(throws: KeystoreError.missingField("crypto")) { try KeystoreFile(json: json) }
    }

    @Test func missingVersion() throws {
        let json = try veryLight { $0["version"] = nil }
        #expect(throws: KeystoreError.missingField("version")) { try KeystoreFile(json: json) }
    }

    @Test func unsupportedVersions() throws {
        #expect(throws: KeystoreError.unsupportedVersion("2")) { try KeystoreFile(json: try veryLight { $0["version"] = 2 }) }
        #expect(throws: KeystoreError.unsupportedVersion("\"1\"")) { try KeystoreFile(json: try veryLight { $0["version"] = "1" }) }
    }

    @Test func missingKDFParameter() throws {
        let json = try veryLightCrypto { crypto in
            var parameters = crypto["kdfparams"] as! [String: Any]
            parameters["salt"] = nil
            crypto["kdfparams"] = parameters
        }
        #expect(throws: KeystoreError.missingField("crypto.kdfparams.salt")) { try KeystoreFile(json: json) }
    }

    @Test func unknownCipher() throws {
        let json = try veryLightCrypto { $0["cipher"] = "aes-128-cbc" }
        #expect(throws: KeystoreError.unsupportedCipher("aes-128-cbc")) { try KeystoreFile(json: json) }
    }

    @Test func unknownKDF() throws {
        let json = try veryLightCrypto { $0["kdf"] = "argon2id" }
        #expect(throws: KeystoreError.unsupportedKDF("argon2id")) { try KeystoreFile(json: json) }
    }

    @Test func unknownPRF() throws {
        let json = try veryLightCrypto { crypto in
            crypto["kdf"] = "pbkdf2"
            crypto["kdfparams"] = ["c": 10, "dklen": 32, "prf": "hmac-sha512", "salt": "00"]
        }
        #expect(throws: KeystoreError.unsupportedPRF("hmac-sha512")) { try KeystoreFile(json: json) }
    }

    @Test func oddLengthHex() throws {
        let json = try veryLightCrypto { $0["ciphertext"] = "abc" }
        #expect(throws: KeystoreError.invalidHex(field: "crypto.ciphertext", .oddLength(digits: 3))) {
            try KeystoreFile(json: json)
        }
    }

    @Test func invalidHexDigit() throws {
        let json = try veryLightCrypto { $0["mac"] = "zz" }
        #expect(throws: KeystoreError.invalidHex(field: "crypto.mac", .invalidDigit("z", offset: 0))) {
            try KeystoreFile(json: json)
        }
    }

    @Test func wrongIVLength() throws {
        let json = try veryLightCrypto { $0["cipherparams"] = ["iv": "00112233"] }
        #expect(throws: KeystoreError.wrongLength(field: "crypto.cipherparams.iv", expected: 16, actual: 4)) {
            try KeystoreFile(json: json)
        }
    }

    @Test func wrongMACLength() throws {
        let json = try veryLightCrypto { $0["mac"] = "0011" }
        #expect(throws: KeystoreError.wrongLength(field: "crypto.mac", expected: 32, actual: 2)) {
            try KeystoreFile(json: json)
        }
    }

    @Test func ciphertextTooLong() throws {
        let json = try veryLightCrypto { $0["ciphertext"] = String(repeating: "ab", count: 33) }
        #expect(throws: KeystoreError.wrongLength(field: "crypto.ciphertext", expected: 32, actual: 33)) {
            try KeystoreFile(json: json)
        }
    }

    @Test func wrongAddressLength() throws {
        let json = try veryLight { $0["address"] = "45dea0fb" }
        #expect(throws: KeystoreError.wrongLength(field: "address", expected: 20, actual: 4)) { try KeystoreFile(json: json) }
    }

    @Test func scryptNNotPowerOfTwo() throws {
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.n", value: 1000)) {
            try KeystoreFile(json: try veryLightKDFParameter("n", 1000))
        }
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.n", value: 1)) {
            try KeystoreFile(json: try veryLightKDFParameter("n", 1))
        }
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.n", value: -4)) {
            try KeystoreFile(json: try veryLightKDFParameter("n", -4))
        }
    }

    @Test func scryptROrPZero() throws {
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.r", value: 0)) {
            try KeystoreFile(json: try veryLightKDFParameter("r", 0))
        }
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.p", value: 0)) {
            try KeystoreFile(json: try veryLightKDFParameter("p", 0))
        }
    }

    @Test func derivedKeyTooShort() throws {
        #expect(throws: KeystoreError.parameterOutOfRange(field: "crypto.kdfparams.dklen", value: 16)) {
            try KeystoreFile(json: try veryLightKDFParameter("dklen", 16))
        }
    }

    @Test func kdfParameterOfWrongType() throws {
        #expect(throws: KeystoreError.wrongType(field: "crypto.kdfparams.n", expected: "an integer")) {
            try KeystoreFile(json: try veryLightKDFParameter("n", "4096"))
        }
        #expect(throws: KeystoreError.wrongType(field: "crypto.kdfparams.n", expected: "an integer")) {
            try KeystoreFile(json: try veryLightKDFParameter("n", 2.5))
        }
    }

    /// A file may name any cost; ones that would exhaust memory or time are refused before work starts.
    @Test func scryptMemoryCapped() throws {
        let file = try KeystoreFile(json: try veryLightKDFParameter("n", 1 << 40))
        #expect(throws: KeystoreError.exceedsLimit(field: "crypto.kdfparams.n", value: 1 << 40, limit: (1 << 30) / 1024 - 3)) {
            try file.decrypt(password: "")
        }
        // Values near Int.max must not overflow anywhere on the way.
        let huge = try KeystoreFile(json: try veryLightKDFParameter("p", Int.max))
        #expect(throws: KeystoreError.exceedsLimit(field: "crypto.kdfparams.n", value: 2, limit: 0)) {
            try huge.decrypt(password: "")
        }
    }

    @Test func scryptWorkCapped() throws {
        // n = 2^19, r = 8 fits in memory (512 MiB) but p = 5 makes n·r·p = 5·2^22 > 2^24.
        let json = try veryLightCrypto { crypto in
            var parameters = crypto["kdfparams"] as! [String: Any]
            parameters["n"] = 1 << 19
            parameters["p"] = 5
            crypto["kdfparams"] = parameters
        }
        let file = try KeystoreFile(json: json)
        #expect(throws: KeystoreError.exceedsLimit(field: "crypto.kdfparams.p", value: 5, limit: 4)) {
            try file.decrypt(password: "")
        }
    }

    @Test func pbkdf2IterationsCapped() throws {
        let json = try veryLightCrypto { crypto in
            crypto["kdf"] = "pbkdf2"
            crypto["kdfparams"] = ["c": 1 << 40, "dklen": 32, "prf": "hmac-sha256", "salt": "00"]
        }
        let file = try KeystoreFile(json: json)
        #expect(throws: KeystoreError.exceedsLimit(field: "crypto.kdfparams.c", value: 1 << 40, limit: 1 << 24)) {
            try file.decrypt(password: "")
        }
    }

    @Test func invalidDecryptedKey() throws {
        let zero = try KeystoreCrypto.encrypt(secret: [UInt8](repeating: 0, count: 32), password: "", kdf: Self.fastKDF)
        let file = KeystoreFile(version: .v3, address: nil, id: nil, keyring: [[zero]])
        #expect(throws: KeystoreError.invalidDecryptedKey) { try KeystoreFile.decrypt(json: file.jsonData, password: "") }
    }

    @Test func emptyKeyring() throws {
        #expect(throws: KeystoreError.emptyKeyring) {
            try KeystoreFile(json: #"{"address":"45dea0fb0bba44f4fcf290bba71fd57d7117cbb8","keyring":[],"version":4}"#)
        }
        #expect(throws: KeystoreError.emptyKeyring) {
            try KeystoreFile(json: #"{"keyring":[[]],"version":4}"#)
        }
        #expect(throws: KeystoreError.emptyKeyring) { try KeystoreFile.v4(keys: [[]], password: "", kdf: Self.fastKDF) }
    }

    @Test func malformedKeyring() throws {
        let crypto = try veryLightCryptoText()
        #expect(throws: KeystoreError.wrongType(field: "keyring", expected: "a list of crypto objects or of lists of them")) {
            try KeystoreFile(json: #"{"keyring":[\#(crypto),[\#(crypto)]],"version":4}"#)
        }
        #expect(throws: KeystoreError.wrongType(field: "keyring[0][1]", expected: "an object")) {
            try KeystoreFile(json: #"{"keyring":[[\#(crypto),7]],"version":4}"#)
        }
        #expect(throws: KeystoreError.unsupportedCipher("none")) {
            try KeystoreFile(json: #"{"keyring":[[\#(crypto)],[\#(crypto.replacingOccurrences(of: "aes-128-ctr", with: "none"))]],"version":4}"#)
        }
    }

    @Test func tooManyRoles() throws {
        let crypto = try veryLightCryptoText()
        let file = try KeystoreFile(json: #"{"keyring":[[\#(crypto)],[\#(crypto)],[\#(crypto)],[\#(crypto)]],"version":4}"#)
        #expect(throws: KeystoreError.exceedsLimit(field: "keyring", value: 4, limit: 3)) { try file.decrypt(password: "") }
        // With a looser limit the same file decrypts (every entry is the very-light key).
        let account = try file.decrypt(password: "", limits: KeystoreLimits(maxRoles: 4))
        #expect(account.keys.map(\.count) == [1, 1, 1, 1])
    }

    // MARK: Helpers

    /// very-light-scrypt.json as a dictionary, edited by `edit`, as JSON data.
    private func veryLight(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        let data = try Data(contentsOf: Vectors.url("keystore/very-light-scrypt.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// very-light-scrypt.json with its `crypto` object edited.
    private func veryLightCrypto(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        try veryLight { object in
            var crypto = object["crypto"] as! [String: Any]
            edit(&crypto)
            object["crypto"] = crypto
        }
    }

    /// very-light-scrypt.json with one `kdfparams` value replaced.
    private func veryLightKDFParameter(_ name: String, _ value: Any) throws -> Data {
        try veryLightCrypto { crypto in
            var parameters = crypto["kdfparams"] as! [String: Any]
            parameters[name] = value
            crypto["kdfparams"] = parameters
        }
    }

    /// The JSON text of very-light-scrypt.json's `crypto` object.
    private func veryLightCryptoText() throws -> String {
        let data = try Data(contentsOf: Vectors.url("keystore/very-light-scrypt.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return String(decoding: try JSONSerialization.data(withJSONObject: try #require(object["crypto"])), as: UTF8.self)
    }

    private func throwsInvalidJSON(_ body: () throws -> KeystoreFile) -> Bool {
        do {
            _ = try body()
            return false
        } catch let error as KeystoreError {
            if case .invalidJSON = error { return true }
            return false
        } catch {
            return false
        }
    }
}
