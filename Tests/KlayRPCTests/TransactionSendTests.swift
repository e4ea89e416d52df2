import Foundation
import KlayNode
import KlayPrimitives
import KlayTestSupport
import KlayTypes
import Testing

@testable import KlayRPC

/// `klay_sendRawTransaction` and `eth_sendRawTransaction`: every transaction type reaches a block, and
/// bad input answers with Klaytn's texts.
struct TransactionSendTests {
    private static func fixture() throws -> NodeFixture {
        try NodeFixture(unlocked: true) { registry, node in registry.registerSendMethods(node) }
    }

    private static func error(_ body: () async throws -> JSONValue) async -> RPCError? {
        do { _ = try await body(); return nil } catch let error as RPCError { return error } catch { return nil }
    }

    /// A signed transaction of `type` from `sender` with `configure` applied.
    private static func signed(_ type: TxType, sender: PrivateKey, nonce: UInt64, feePayer: PrivateKey? = nil,
                               configure: (inout Transaction) -> Void = { _ in }) -> Transaction {
        var tx = Transaction(type: type)
        tx.nonce = nonce
        tx.gasPrice = ChainWorkload.gasPrice
        tx.gasTipCap = ChainWorkload.gasPrice
        tx.gas = 300_000
        tx.value = .one
        if type.encoding == .klaytn { tx.from = sender.address }
        if type.encoding == .ethereum { tx.chainIDField = UInt256(NodeFixture.chainID) }
        configure(&tx)
        if let feePayer { tx.feePayer = feePayer.address }
        tx.sign(with: sender, chainID: NodeFixture.chainID)
        if let feePayer { tx.signAsFeePayer(with: feePayer, chainID: NodeFixture.chainID) }
        return tx
    }

    /// The address a creation from `sender` at `nonce` deploys to: keccak(rlp([sender, nonce]))[12...].
    static func createAddress(_ sender: Address, nonce: UInt64) -> Address {
        let encoded = RLPWriter.encode { writer in
            writer.list { list in
                list.append(bytes: sender.bytes)
                list.append(nonce)
            }
        }
        return Address(lastBytesOf: Keccak256.hash(encoded))
    }

    @Test func everyTypeIsMinedThroughSendRawTransaction() async throws {
        let fixture = try Self.fixture()
        let (sender, payer, recipient) = (fixture.keys[0], fixture.keys[1], fixture.keys[2].address)
        // A contract whose runtime code is the single byte 0x00, for the execution types.
        let initCode = Hex.bytes("0x600060005360016000f3")
        var nonce: UInt64 = 0
        var transactions: [Transaction] = []
        func add(_ type: TxType, feePayer: PrivateKey? = nil, _ configure: (inout Transaction) -> Void = { _ in }) {
            transactions.append(Self.signed(type, sender: sender, nonce: nonce, feePayer: feePayer, configure: configure))
            nonce += 1
        }
        let transfer: (inout Transaction) -> Void = { $0.to = recipient }
        let memo: (inout Transaction) -> Void = { $0.to = recipient; $0.input = Array("memo".utf8) }
        let deploy: (inout Transaction) -> Void = { $0.to = nil; $0.value = .zero; $0.input = initCode }
        add(.legacy, transfer)
        for type in [TxType.valueTransfer, .feeDelegatedValueTransfer, .feeDelegatedValueTransferWithRatio] {
            add(type, feePayer: type.isFeeDelegatedType ? payer : nil) { transfer(&$0); $0.feeRatio = 30 }
        }
        for type in [TxType.valueTransferMemo, .feeDelegatedValueTransferMemo, .feeDelegatedValueTransferMemoWithRatio] {
            add(type, feePayer: type.isFeeDelegatedType ? payer : nil) { memo(&$0); $0.feeRatio = 30 }
        }
        let contract = Self.createAddress(sender.address, nonce: nonce)
        for type in [TxType.smartContractDeploy, .feeDelegatedSmartContractDeploy, .feeDelegatedSmartContractDeployWithRatio] {
            add(type, feePayer: type.isFeeDelegatedType ? payer : nil) { deploy(&$0); $0.feeRatio = 30 }
        }
        for type in [TxType.cancel, .feeDelegatedCancel, .feeDelegatedCancelWithRatio] {
            add(type, feePayer: type.isFeeDelegatedType ? payer : nil) { $0.value = .zero; $0.feeRatio = 30 }
        }
        for type in [TxType.ethereumAccessList, .ethereumDynamicFee] {
            add(type) { transfer(&$0); $0.accessList = [AccessListEntry(address: recipient, storageKeys: [.zero])] }
        }
        for type in [TxType.accountUpdate, .feeDelegatedAccountUpdate, .feeDelegatedAccountUpdateWithRatio] {
            add(type, feePayer: type.isFeeDelegatedType ? payer : nil) { $0.value = .zero; $0.key = AccountKey.legacy.serialized; $0.feeRatio = 30 }
        }
        for tx in transactions {
            let hash = try await fixture.call("klay_sendRawTransaction", [.data(tx.rawBytes)])
            #expect(hash == .string(tx.hash.hex), "\(tx.type)")
        }
        try fixture.produceBlock()
        // Execution needs the deployed code, so it goes in the next block.
        var executions: [Transaction] = []
        for type in [TxType.smartContractExecution, .feeDelegatedSmartContractExecution, .feeDelegatedSmartContractExecutionWithRatio] {
            executions.append(Self.signed(type, sender: sender, nonce: nonce, feePayer: type.isFeeDelegatedType ? payer : nil) {
                $0.to = contract; $0.value = .zero; $0.feeRatio = 30
            })
            nonce += 1
        }
        for tx in executions { _ = try await fixture.call("klay_sendRawTransaction", [.data(tx.rawBytes)]) }
        try fixture.produceBlock()
        for tx in transactions + executions {
            let receipt = try #require(try fixture.services.chain.chainStore.receipt(transactionHash: tx.hash), "\(tx.type)")
            #expect(receipt.receipt.status == .success, "\(tx.type)")
        }
        #expect(try fixture.services.chain.state(at: fixture.services.chain.head.stateRoot).nonce(sender.address) == nonce)
    }

    @Test func ethereumRawFormsAreMined() async throws {
        let fixture = try Self.fixture()
        let sender = fixture.keys[1]
        let recipient = fixture.keys[3].address
        var hashes: [Hash] = []
        for (nonce, type) in [TxType.legacy, .ethereumAccessList, .ethereumDynamicFee].enumerated() {
            let tx = Self.signed(type, sender: sender, nonce: UInt64(nonce)) { $0.to = recipient }
            // eth_ takes the EIP-2718 form: no 0x78 envelope.
            #expect(tx.ethereumRawBytes.first != 0x78)
            let hash = try await fixture.call("eth_sendRawTransaction", [.data(tx.ethereumRawBytes)])
            #expect(hash == .string(tx.hash.hex))
            hashes.append(tx.hash)
        }
        try fixture.produceBlock()
        for hash in hashes {
            #expect(try fixture.services.chain.chainStore.receipt(transactionHash: hash)?.receipt.status == .success)
        }
    }

    @Test func rawTransactionErrorTexts() async throws {
        let fixture = try Self.fixture()
        let sender = fixture.keys[0]
        func message(_ method: String, _ raw: [UInt8]) async -> String? {
            await Self.error { try await fixture.call(method, [.data(raw)]) }?.message
        }
        #expect(await message("eth_sendRawTransaction", []) == "Empty input")
        #expect(await message("klay_sendRawTransaction", []) == "EOF")
        #expect(await message("klay_sendRawTransaction", [0x18, 0xc0]) == "undefined tx type")
        #expect(await message("klay_sendRawTransaction", [0x08, 0xf8])?.hasPrefix("rlp: value size exceeds available input length") == true)
        // Klaytn types cannot pass through eth_: 0x08 becomes the undefined 0x7808.
        let transfer = Self.signed(.valueTransfer, sender: sender, nonce: 0) { $0.to = sender.address }
        #expect(await message("eth_sendRawTransaction", transfer.rawBytes) == "undefined tx type")
        #expect(await Self.error { try await fixture.call("klay_sendRawTransaction", [.string("08")]) }?.message
            == "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Bytes")
        // The Klaytn docs' ValueTransfer is signed for chain 1; this chain is 2019.
        let vectors = try #require(Vectors.json("klaytn-tx-examples.json") as? [String: Any])
        let records = try #require(vectors["vectors"] as? [[String: Any]])
        let docs = try #require(records.first { $0["id"] as? String == "basic/TxTypeValueTransfer" })
        let docsRaw = Hex.bytes(try #require(docs["rawTx"] as? String))
        #expect(await message("klay_sendRawTransaction", docsRaw) == "invalid chain id")
        // Pool refusals keep their Klaytn text and code -32000.
        let first = Self.signed(.valueTransfer, sender: sender, nonce: 0) { $0.to = fixture.keys[1].address }
        _ = try await fixture.call("klay_sendRawTransaction", [.data(first.rawBytes)])
        let known = await Self.error { try await fixture.call("klay_sendRawTransaction", [.data(first.rawBytes)]) }
        #expect(known == RPCError(code: -32000, message: "known transaction: \(Hex.encode(first.hash.bytes, prefix: false))"))
        try fixture.produceBlock()
        let stale = Self.signed(.valueTransfer, sender: sender, nonce: 0) { $0.to = fixture.keys[2].address }
        #expect(await message("klay_sendRawTransaction", stale.rawBytes) == "nonce too low")
        let anchoring = Self.signed(.chainDataAnchoring, sender: sender, nonce: 1) { $0.value = .zero; $0.input = [1] }
        #expect(await message("klay_sendRawTransaction", anchoring.rawBytes) == "locally anchoring chaindata tx is not allowed in this node")
    }
}

extension TxType {
    /// Whether the type has a fee payer part.
    fileprivate var isFeeDelegatedType: Bool { feeDelegation != .none }
}

extension Hex {
    /// Test shorthand: the bytes of valid hex text.
    static func bytes(_ text: String) -> [UInt8] { try! decode(text) }
}
