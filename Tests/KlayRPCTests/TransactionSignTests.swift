import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// `klay_`/`eth_` signing with node accounts, fee delegation, message signatures and recovery.
struct TransactionSignTests {
    private static func fixture(unlocked: Bool = true) throws -> NodeFixture {
        try NodeFixture(unlocked: unlocked) { registry, node in
            registry.registerSendMethods(node)
            // Stands in for the gas estimator eth_sendTransaction and eth_fillTransaction call.
            registry.register("eth", "estimateGas") { _ in .string("0x5208") }
        }
    }

    private static func message(_ body: () async throws -> JSONValue) async -> String? {
        do { _ = try await body(); return nil } catch let error as RPCError { return error.message } catch { return "\(error)" }
    }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { (key: $0.0, value: $0.1) }) }

    @Test func signTransactionFillsKlaytnDefaults() async throws {
        let fixture = try Self.fixture()
        let (sender, recipient) = (fixture.keys[0].address, fixture.keys[1].address)
        let result = try await fixture.call("klay_signTransaction", [Self.object([
            ("typeInt", .integer(8)), ("from", .string(sender.hex)), ("to", .string(recipient.hex)), ("value", .string("0x1")),
        ])])
        let raw = Hex.bytes(try #require(result["raw"].flatMap { if case .string(let s) = $0 { s } else { nil } }))
        let tx = try Transaction(rawBytes: raw)
        #expect(tx.gas == 90_000 && tx.nonce == 0 && tx.gasPrice == fixture.services.pool.gasPrice &* UInt256(2))
        #expect(try tx.recoverSigners(chainID: NodeFixture.chainID).map(\.address) == [sender])
        guard case .object(let members)? = result["tx"] else { Issue.record("no tx"); return }
        #expect(members.map(\.key) == ["typeInt", "type", "nonce", "gasPrice", "gas", "to", "value", "from", "signatures", "hash"])
        #expect(result["tx"]?["hash"] == .string(tx.hash.hex))
        // Legacy: no typeInt/type/from.
        let legacy = try await fixture.call("klay_signTransaction", [Self.object([("from", .string(sender.hex)), ("to", .string(recipient.hex))])])
        guard case .object(let legacyMembers)? = legacy["tx"] else { Issue.record("no tx"); return }
        #expect(legacyMembers.map(\.key) == ["nonce", "gasPrice", "gas", "to", "value", "input", "signatures", "hash"])
    }

    @Test func sendTransactionAndFeeDelegation() async throws {
        let fixture = try Self.fixture()
        let (sender, payer, recipient) = (fixture.keys[0].address, fixture.keys[1].address, fixture.keys[2].address)
        let plain = try await fixture.call("klay_sendTransaction", [Self.object([
            ("typeInt", .integer(8)), ("from", .string(sender.hex)), ("to", .string(recipient.hex)), ("value", .string("0x64")),
        ])])
        // The sender signs a fee-delegated transfer; the fee payer (a node account) signs over its signatures.
        let fields: [(String, JSONValue)] = [
            ("typeInt", .integer(9)), ("from", .string(sender.hex)), ("to", .string(recipient.hex)), ("value", .string("0x1")),
            ("feePayer", .string(payer.hex)), ("gas", .string("0x30d40")), ("nonce", .string("0x1")),
            ("gasPrice", .quantity(fixture.services.pool.gasPrice)),
        ]
        let signedBySender = try await fixture.call("klay_signTransaction", [Self.object(fields)])
        let signatures = try #require(signedBySender["tx"]?["signatures"])
        #expect(await Self.message { try await fixture.call("klay_sendTransactionAsFeePayer", [Self.object(fields)]) }
            == "sender signature is not set")
        let hash = try await fixture.call("klay_sendTransactionAsFeePayer", [Self.object(fields + [("signatures", signatures)])])
        let payerBefore = try fixture.services.chain.state(at: fixture.services.chain.head.stateRoot).balance(payer)
        try fixture.produceBlock()
        for case .string(let text) in [plain, hash] {
            let receipt = try fixture.services.chain.chainStore.receipt(transactionHash: try Hash(hex: text))
            #expect(receipt?.receipt.status == .success)
        }
        let state = try fixture.services.chain.state(at: fixture.services.chain.head.stateRoot)
        #expect(state.balance(payer) < payerBefore)
        // The fee payer's signing result carries both parts.
        let both = try await fixture.call("klay_signTransactionAsFeePayer", [Self.object(fields + [("signatures", signatures)])])
        #expect(both["tx"]?["feePayer"] == .string(payer.hex))
        let plainTransfer: [(String, JSONValue)] = [("typeInt", .integer(8)), ("from", .string(sender.hex)),
                                                    ("to", .string(recipient.hex)), ("value", .string("0x1"))]
        #expect(await Self.message { try await fixture.call("klay_signTransactionAsFeePayer", [Self.object(plainTransfer)]) }
            == "not a fee delegation type transaction")
        #expect(await Self.message { try await fixture.call("klay_signTransactionAsFeePayer", [Self.object([("from", .string(sender.hex)), ("to", .string(recipient.hex))])]) }
            == "invalid fee payer is set")
    }

    @Test func argumentErrorTexts() async throws {
        let fixture = try Self.fixture()
        let sender = fixture.keys[0].address
        func send(_ members: [(String, JSONValue)]) async -> String? {
            await Self.message { try await fixture.call("klay_sendTransaction", [Self.object([("from", .string(sender.hex))] + members)]) }
        }
        #expect(await send([("typeInt", .integer(8)), ("to", .string(sender.hex))]) == #"json:"value" is required for TxTypeValueTransfer"#)
        #expect(await send([("typeInt", .integer(8)), ("to", .string(sender.hex)), ("value", .string("0x0")), ("data", .string("0x"))])
            == #"json:"data" is not a field of TxTypeValueTransfer"#)
        #expect(await send([("typeInt", .integer(24))]) == #"json:"typeInt" is not a field of TxTypeAccountCreation"#)
        #expect(await send([("typeInt", .integer(9)), ("to", .string(sender.hex)), ("value", .string("0x0"))])
            == #"json:"feePayer" is required for TxTypeFeeDelegatedValueTransfer"#)
        #expect(await send([]) == "contract creation without any data provided")
        // Ethereum typed types need a price before anything else.
        #expect(await send([("typeInt", .integer(30721))]) == "missing gasPrice or maxFeePerGas/maxPriorityFeePerGas")
        #expect(await send([("typeInt", .integer(30723)), ("gasPrice", .string("0x1"))]) == "undefined tx type")
        #expect(await send([("typeInt", .integer(30721)), ("gasPrice", .string("0x1")), ("to", .string(sender.hex))])
            == "AccessList must be a type of AccessList")
        #expect(await send([("typeInt", .integer(30722)), ("gasPrice", .string("0x1")), ("to", .string(sender.hex)),
                            ("accessList", .array([]))]) == "undefined key remains")
        #expect(await send([("gas", .string("12"))])
            == "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go struct field SendTxArgs.gas of type hexutil.Uint64")
        let stranger = PrivateKey.random().address
        #expect(await Self.message { try await fixture.call("klay_sendTransaction", [Self.object([("from", .string(stranger.hex)), ("to", .string(sender.hex))])]) }
            == "unknown account")
        fixture.services.accounts.lock(sender)
        #expect(await send([("to", .string(sender.hex))]) == "authentication needed: password or unlock")
        #expect(await Self.message { try await fixture.call("klay_sign", [.string(sender.hex), .string("0x01")]) }
            == "authentication needed: password or unlock")
        // Fee payer sends need what the sender signed.
        #expect(await Self.message { try await fixture.call("klay_sendTransactionAsFeePayer", [Self.object([("from", .string(sender.hex))])]) }
            == "tx should have a type value")
        #expect(await Self.message { try await fixture.call("klay_sendTransactionAsFeePayer", [Self.object([("typeInt", .integer(9))])]) }
            == "nonce of the sender is not set")
    }

    @Test func messageSignaturesRoundTrip() async throws {
        let fixture = try Self.fixture()
        let account = fixture.keys[0].address
        let signature = try await fixture.call("klay_sign", [.string(account.hex), .string("0xdeadbeef")])
        #expect(try await fixture.call("eth_sign", [.string(account.hex), .string("0xdeadbeef")]) == signature)
        guard case .string(let text) = signature else { Issue.record("no signature"); return }
        #expect(Hex.bytes(text).last == 27 || Hex.bytes(text).last == 28)
        #expect(try await fixture.call("personal_ecRecover", [.string("0xdeadbeef"), signature]) == .string(account.hex))
        #expect(try await fixture.call("klay_recoverFromMessage", [.string(account.hex), .string("0xdeadbeef"), signature, .string("latest")])
            == .string(account.hex))
        #expect(await Self.message { try await fixture.call("klay_recoverFromMessage", [.string(fixture.keys[1].address.hex), .string("0xdeadbeef"), signature, .string("latest")]) }
            == "Invalid signature")
        #expect(await Self.message { try await fixture.call("personal_ecRecover", [.string("0x01"), .string("0x01")]) }
            == "signature must be 65 bytes long")
        var badV = Hex.bytes(text)
        badV[64] = 1
        #expect(await Self.message { try await fixture.call("personal_ecRecover", [.string("0x01"), .data(badV)]) }
            == "invalid Klaytn signature (V is not 27 or 28)")
    }

    /// QuickNode's published `klay_recoverFromMessage` example (Kaia docs): an Ethereum-prefixed
    /// signature by the (legacy-keyed) account it names.
    @Test func thirdPartyMessageSignature() async throws {
        let fixture = try Self.fixture()
        let klaytnExample = try await fixture.call("klay_recoverFromMessage", [
            .string("0xA2a8854b1802D8Cd5De631E690817c253d6a9153"), .string("0xdeadbeef"),
            .string("0x1e6338d6e4a8d688a25de78cf2a92efec9a92e52eb8425acaaee8c3957e68cdb3f91bdc483f0ed05a0da26eca3be4c566d087d90dc2ca293be23b2a9de0bcafc1c"),
            .string("latest"),
        ])
        #expect(klaytnExample == .string("0xa2a8854b1802d8cd5de631e690817c253d6a9153"))
    }

    @Test func recoverFromTransaction() async throws {
        let fixture = try Self.fixture()
        let key = fixture.keys[0]
        var tx = Transaction(type: .valueTransfer)
        tx.from = key.address
        tx.to = key.address
        tx.gas = 21_000
        tx.sign(with: key, chainID: NodeFixture.chainID)
        #expect(try await fixture.call("klay_recoverFromTransaction", [.data(tx.rawBytes), .string("latest")]) == .string(key.address.hex))
        // Signed by another key: the account key (legacy) refuses it.
        var forged = tx
        forged.signatures = []
        forged.sign(with: fixture.keys[1], chainID: NodeFixture.chainID)
        #expect(await Self.message { try await fixture.call("klay_recoverFromTransaction", [.data(forged.rawBytes), .string("latest")]) }
            == "invalid account key")
        var legacy = Transaction(type: .legacy)
        legacy.to = key.address
        legacy.sign(with: key, chainID: NodeFixture.chainID)
        #expect(await Self.message { try await fixture.call("klay_recoverFromTransaction", [.data(legacy.rawBytes), .string("latest")]) }
            == "should not be called by a legacy transaction")
        #expect(await Self.message { try await fixture.call("klay_recoverFromTransaction", [.string("0x"), .string("latest")]) } == "Empty input")
    }

    @Test func ethereumSendAndSign() async throws {
        let fixture = try Self.fixture()
        let (sender, recipient) = (fixture.keys[0].address, fixture.keys[1].address)
        func call(_ method: String, _ members: [(String, JSONValue)]) async throws -> JSONValue {
            try await fixture.call(method, [Self.object([("from", .string(sender.hex)), ("to", .string(recipient.hex))] + members)])
        }
        #expect(await Self.message { try await call("eth_signTransaction", []) } == "gas not specified")
        #expect(await Self.message { try await call("eth_signTransaction", [("gas", .string("0x5208"))]) }
            == "missing gasPrice or maxFeePerGas/maxPriorityFeePerGas")
        #expect(await Self.message { try await call("eth_signTransaction", [("gas", .string("0x5208")), ("gasPrice", .string("0x1"))]) }
            == "nonce not specified")
        #expect(await Self.message { try await call("eth_sendTransaction", [("gasPrice", .string("0x1")), ("maxFeePerGas", .string("0x1"))]) }
            == "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
        let price = fixture.services.pool.gasPrice &* UInt256(2)
        let signed = try await call("eth_signTransaction", [("gas", .string("0x5208")), ("maxFeePerGas", .quantity(price)),
                                                             ("maxPriorityFeePerGas", .quantity(price)), ("nonce", .string("0x0"))])
        guard case .string(let raw)? = signed["raw"] else { Issue.record("no raw"); return }
        #expect(Hex.bytes(raw).first == 0x02)
        #expect(signed["tx"]?["type"] == .string("0x2") && signed["tx"]?["gasPrice"] == .null)
        // fillTransaction: 1559 defaults at twice the base fee, gas from eth_estimateGas, unsigned.
        let filled = try await call("eth_fillTransaction", [])
        #expect(filled["tx"]?["gas"] == .string("0x5208") && filled["tx"]?["maxFeePerGas"] == .quantity(price))
        #expect(filled["tx"]?["v"] == .string("0x0") && filled["tx"]?["chainId"] == .quantity(NodeFixture.chainID))
        let hash = try await call("eth_sendTransaction", [("value", .string("0x1"))])
        try fixture.produceBlock()
        guard case .string(let text) = hash else { Issue.record("no hash"); return }
        #expect(try fixture.services.chain.chainStore.receipt(transactionHash: try Hash(hex: text))?.receipt.status == .success)
        #expect(try await fixture.call("eth_accounts") == .array(fixture.keys.map { .string($0.address.hex) }))
    }

    @Test func accountKeyEncoding() async throws {
        let fixture = try Self.fixture()
        // Klaytn docs' AccountKeyPublic example.
        let x = "0xdbac81e8486d68eac4e6ef9db617f7fbd79a04a3b323c982a09cdfc61f0ae0e8"
        let y = "0x906d7170ba349c86879fb8006134cbf57bda9db9214a90b607b6b4ab57fc026e"
        let keyJSON = Self.object([("keyType", .integer(2)), ("key", Self.object([("x", .string(x)), ("y", .string(y))]))])
        let encoded = try await fixture.call("klay_encodeAccountKey", [keyJSON])
        #expect(encoded == .string("0x02a102dbac81e8486d68eac4e6ef9db617f7fbd79a04a3b323c982a09cdfc61f0ae0e8"))
        #expect(try await fixture.call("klay_decodeAccountKey", [encoded]) == keyJSON)
        let roleBased = Self.object([("keyType", .integer(5)), ("key", .array([
            Self.object([("keyType", .integer(1)), ("key", .object([]))]),
            Self.object([("keyType", .integer(4)), ("key", Self.object([("threshold", .integer(1)), ("keys", .array([
                Self.object([("weight", .integer(1)), ("key", Self.object([("x", .string(x)), ("y", .string(y))]))]),
            ]))]))]),
        ]))])
        let roleEncoded = try await fixture.call("klay_encodeAccountKey", [roleBased])
        #expect(try await fixture.call("klay_decodeAccountKey", [roleEncoded]) == roleBased)
        func message(_ value: JSONValue) async -> String? { await Self.message { try await fixture.call("klay_encodeAccountKey", [value]) } }
        #expect(await message(Self.object([("key", .object([]))])) == "key type is not specified")
        #expect(await message(Self.object([("keyType", .integer(9)), ("key", .object([]))])) == "undefined account key type")
        #expect(await message(Self.object([("keyType", .integer(4)), ("key", Self.object([("keys", .array([]))]))]))
            == "invalid threshold of the multiSigKey")
        #expect(await message(Self.object([("keyType", .integer(5)), ("key", .array([roleBased]))]))
            == "roleBasedKey cannot contains a roleBasedKey as a role key")
        #expect(await message(Self.object([("keyType", .integer(2)), ("key", Self.object([("x", .string("0x1")), ("y", .string("0x1"))]))]))
            == "the key probably contains an invalid public key: key is not on the S256 curve")
        #expect(await message(Self.object([("keyType", .string("0x2"))]))
            == "invalid argument 0: json: cannot unmarshal string into Go struct field AccountKeyJSON.keyType of type accountkey.AccountKeyType")
        #expect(await Self.message { try await fixture.call("klay_decodeAccountKey", [.string("0x09c0")]) } == "undefined account key type")
    }
}
