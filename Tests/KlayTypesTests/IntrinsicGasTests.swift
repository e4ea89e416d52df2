import KlayPrimitives
import Testing
import KlayTypes

/// Intrinsic gas per type and era (spec/accounts.md §7; spec/transactions.md §6, §7, §9).
@Suite struct IntrinsicGasTests {
    static func example(_ id: String) throws -> Transaction {
        let record = try #require(try TransactionVectorTests.records().first { $0.id == id })
        return try Transaction(rawBytes: try #require(try record.bytes("rawTx")))
    }

    /// accounts.md §7's worked examples (they equal the `gasUsed` the docs print) and the formula for the
    /// other docs examples, from Klaytn's Shanghai-compatible block on.
    @Test(arguments: [
        ("basic/TxTypeValueTransfer", 21_000), ("fee-delegation/TxTypeFeeDelegatedValueTransfer", 31_000),
        ("partial-fee-delegation/TxTypeFeeDelegatedValueTransferWithRatio", 36_000),
        ("basic/TxTypeCancel", 21_000), ("fee-delegation/TxTypeFeeDelegatedCancel", 31_000),
        ("partial-fee-delegation/TxTypeFeeDelegatedCancelWithRatio", 36_000),
        ("basic/TxTypeValueTransferMemo", 21_500), ("fee-delegation/TxTypeFeeDelegatedValueTransferMemo", 31_500),
        ("partial-fee-delegation/TxTypeFeeDelegatedValueTransferMemoWithRatio", 36_500),
        ("basic/TxTypeChainDataAnchoring", 37_800), ("fee-delegation/TxTypeFeeDelegatedChainDataAnchoring", 48_500),
        ("partial-fee-delegation/TxTypeFeeDelegatedChainDataAnchoringWithRatio", 53_500),
        // 36 bytes of call data.
        ("basic/TxTypeSmartContractExecution", 24_600), ("fee-delegation/TxTypeFeeDelegatedSmartContractExecution", 34_600),
        ("partial-fee-delegation/TxTypeFeeDelegatedSmartContractExecutionWithRatio", 39_600),
        // 510 bytes of initcode (16 words), and humanReadable set: + 4 000 000 000.
        ("basic/TxTypeSmartContractDeploy", 4_000_104_032),
        ("fee-delegation/TxTypeFeeDelegatedSmartContractDeploy", 4_000_114_032),
        ("partial-fee-delegation/TxTypeFeeDelegatedSmartContractDeployWithRatio", 4_000_119_032),
        // 4 bytes of data; one access-list address with one storage key.
        ("basic/TxTypeLegacyTransaction", 21_400),
        ("ethereum/TxTypeEthereumAccessList", 25_700), ("ethereum/TxTypeEthereumDynamicFee", 25_700),
    ] as [(String, UInt64)])
    func klaytnExamples(id: String, gas: UInt64) throws {
        #expect(try Self.example(id).intrinsicGas(rules: .klaytnShanghai) == gas)
    }

    /// AccountUpdate to an AccountKeyPublic: 21 000 + 20 000 key creation gas (+FD).
    @Test func accountUpdateAddsTheKeyCreationGas() throws {
        for (id, gas) in [("basic/TxTypeAccountUpdate", 41_000), ("fee-delegation/TxTypeFeeDelegatedAccountUpdate", 51_000),
                          ("partial-fee-delegation/TxTypeFeeDelegatedAccountUpdateWithRatio", 56_000)] as [(String, UInt64)] {
            #expect(try Self.example(id).intrinsicGas(rules: .klaytnShanghai, keyCreationGas: 20_000) == gas, "\(id)")
        }
    }

    /// A 2-of-3 multisig sender from Istanbul: + 15 000 × (2 − 1); a fee payer likewise adds its own.
    @Test func signatureValidationGasIsAdded() throws {
        let tx = try Self.example("fee-delegation/TxTypeFeeDelegatedValueTransfer")
        #expect(try tx.intrinsicGas(rules: .klaytnShanghai, senderValidationGas: 15_000) == 46_000)
        #expect(try tx.intrinsicGas(rules: .klaytnShanghai, senderValidationGas: 15_000, feePayerValidationGas: 30_000) == 76_000)
    }

    /// Legacy payload gas: 4/68 before Klaytn's Istanbul-compatible block, 100 per byte from it;
    /// Klaytn types pay 100 per byte in every era.
    @Test func payloadGasByEra() throws {
        var legacy = Transaction(type: .legacy)
        legacy.to = Address(lastBytesOf: .zero)
        legacy.input = [0, 0, 1, 2]
        #expect(try legacy.intrinsicGas(rules: .klaytnGenesis) == 21_000 + 2 * 4 + 2 * 68)
        #expect(try legacy.intrinsicGas(rules: .klaytnIstanbul) == 21_400)
        #expect(try legacy.intrinsicGas(rules: .ethereumCancun) == 21_000 + 2 * 4 + 2 * 16)
        #expect(try legacy.intrinsicGas(rules: GasRules(schedule: .ethereum, istanbul: false, shanghai: false)) == 21_000 + 2 * 4 + 2 * 68)
        let memo = try Self.example("basic/TxTypeValueTransferMemo")
        #expect(try memo.intrinsicGas(rules: .klaytnGenesis) == 21_500)
    }

    /// A creation costs 53 000, and from Shanghai 2 per 32-byte word of initcode (rounded up).
    @Test func creationAndInitcodeWords() throws {
        var create = Transaction(type: .legacy)
        create.input = [UInt8](repeating: 1, count: 33)
        #expect(create.isContractCreation)
        #expect(try create.intrinsicGas(rules: .klaytnIstanbul) == 53_000 + 3_300)
        #expect(try create.intrinsicGas(rules: .klaytnShanghai) == 53_000 + 3_300 + 2 * 2)
        #expect(try create.intrinsicGas(rules: .ethereumCancun) == 53_000 + 33 * 16 + 2 * 2)
        var deploy = Transaction(type: .smartContractDeploy)
        deploy.input = [UInt8](repeating: 0, count: 64)
        #expect(try deploy.intrinsicGas(rules: .klaytnGenesis) == 53_000 + 6_400)
        #expect(try deploy.intrinsicGas(rules: .klaytnShanghai) == 53_000 + 6_400 + 2 * 2)
        var call = Transaction(type: .smartContractExecution)
        call.input = [UInt8](repeating: 0, count: 64)
        #expect(!call.isContractCreation)
        #expect(try call.intrinsicGas(rules: .klaytnShanghai) == 21_000 + 6_400)
    }

    /// Types without a payload charge nothing for `input` (none of them carries one, but the rule is the table's).
    @Test func typesWithoutPayloadGas() throws {
        var update = Transaction(type: .accountUpdate)
        update.key = [0x02, 0xa1] + [UInt8](repeating: 3, count: 33)
        #expect(try update.intrinsicGas(rules: .klaytnShanghai) == 21_000)
    }

    @Test func accessListGas() throws {
        var tx = Transaction(type: .ethereumAccessList)
        tx.to = Address(lastBytesOf: .zero)
        let slot = Hash.zero
        tx.accessList = [AccessListEntry(address: .zero, storageKeys: [slot, slot]), AccessListEntry(address: .zero, storageKeys: [])]
        #expect(try tx.intrinsicGas(rules: .klaytnShanghai) == 21_000 + 2 * 2_400 + 2 * 1_900)
        #expect(try tx.intrinsicGas(rules: .ethereumCancun) == 21_000 + 2 * 2_400 + 2 * 1_900)
    }

    @Test func overflowIsGasUintOverflow() throws {
        let tx = Transaction(type: .feeDelegatedValueTransfer)
        #expect(throws: TxError.gasUintOverflow) { try tx.intrinsicGas(rules: .klaytnShanghai, keyCreationGas: .max - 30_000) }
        #expect(throws: TxError.gasUintOverflow) { try tx.intrinsicGas(rules: .klaytnShanghai, senderValidationGas: .max, feePayerValidationGas: 1) }
        #expect(try tx.intrinsicGas(rules: .klaytnShanghai, keyCreationGas: .max - 31_000) == .max)
    }
}
