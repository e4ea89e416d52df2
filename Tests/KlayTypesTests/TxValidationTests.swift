import KlayPrimitives
import Testing
import KlayTypes

/// The stateless validity rules (spec/transactions.md §6, §8, §9, §11) and their exact errors.
@Suite struct TxValidationTests {
    static let recipient = Address(lastBytesOf: Keccak256.hash([1]))

    static func address(_ low: UInt16) -> Address {
        var bytes = [UInt8](repeating: 0, count: 20)
        bytes[18] = UInt8(low >> 8)
        bytes[19] = UInt8(low & 0xff)
        return try! Address(bytes: bytes)
    }

    /// A transaction of `type` that passes every rule: enough gas, a plain recipient where the type has one.
    static func valid(_ type: TxType) -> Transaction {
        var tx = Transaction(type: type)
        tx.gas = 100_000
        tx.gasPrice = 25_000_000_000
        if type.descriptor.fields.contains(.to) || type.descriptor.fields.contains(.toOrNil) { tx.to = recipient }
        if type.descriptor.family == .smartContractDeploy { tx.to = nil }
        if type.feeDelegation == .ratio { tx.feeRatio = 30 }
        return tx
    }

    @Test func everyTypeHasAValidForm() throws {
        for type in TxType.allCases {
            try Self.valid(type).validateStateless(rules: .klaytnShanghai)
            try Self.valid(type).validateStateless(rules: .ethereumCancun)
        }
    }

    @Test func deployMustHaveNoRecipient() {
        var tx = Self.valid(.feeDelegatedSmartContractDeploy)
        tx.to = Self.recipient
        #expect(throws: TxError.invalidContractAddress) { try tx.validateStateless(rules: .klaytnShanghai) }
    }

    /// humanReadable also costs 4 000 000 000 intrinsic gas, which the pool checks first (§11).
    @Test func deployMustNotBeHumanReadable() {
        var tx = Self.valid(.smartContractDeploy)
        tx.humanReadable = true
        #expect(throws: TxError.intrinsicGasTooLow) { try tx.validateStateless(rules: .klaytnShanghai) }
        tx.gas = 5_000_000_000
        #expect(throws: TxError.humanReadableNotSupported) { try tx.validateStateless(rules: .klaytnShanghai) }
    }

    @Test func deployCodeFormatMustBeEVM() {
        var tx = Self.valid(.feeDelegatedSmartContractDeployWithRatio)
        tx.codeFormat = 1
        #expect(throws: TxError.invalidCodeFormat) { try tx.validateStateless(rules: .klaytnShanghai) }
    }

    @Test func precompileRecipients() throws {
        for type in [TxType.valueTransfer, .feeDelegatedValueTransferMemo] {
            for low: UInt16 in [0x01, 0x09, 0x3fe, 0x3ff] {
                var tx = Self.valid(type)
                tx.to = Self.address(low)
                #expect(throws: TxError.precompiledContractAddress) { try tx.validateStateless(rules: .klaytnShanghai) }
            }
            for outside: UInt16 in [0x000, 0x400] {
                var tx = Self.valid(type)
                tx.to = Self.address(outside)
                try tx.validateStateless(rules: .klaytnShanghai)
            }
        }
    }

    /// Smart contract execution only needs a live contract as its recipient, which state decides
    /// (`ValidateMutableValue`): a precompile address passes the state-free rules.
    @Test func executionRecipientIsLeftToState() throws {
        var tx = Self.valid(.feeDelegatedSmartContractExecutionWithRatio)
        tx.to = Self.address(0x01)
        try tx.validateStateless(rules: .klaytnShanghai)
    }

    /// §7, §10: Klaytn refuses precompile recipients for legacy and Ethereum types too; Ethereum calls them.
    @Test func precompileRecipientOfLegacyAndEthereumTypes() throws {
        for type in [TxType.legacy, .ethereumAccessList, .ethereumDynamicFee] {
            var tx = Self.valid(type)
            tx.to = Self.address(0x01)
            #expect(throws: TxError.precompiledContractAddress) { try tx.validateStateless(rules: .klaytnShanghai) }
            try tx.validateStateless(rules: .ethereumCancun)
        }
    }

    @Test func feeRatioMustBeOneToNinetyNine() throws {
        for ratio: UInt8 in [0, 100, 255] {
            var tx = Self.valid(.feeDelegatedCancelWithRatio)
            tx.feeRatio = ratio
            #expect(throws: TxError.feeRatioOutOfRange) { try tx.validateStateless(rules: .klaytnShanghai) }
        }
        for ratio: UInt8 in [1, 99] {
            var tx = Self.valid(.feeDelegatedValueTransferWithRatio)
            tx.feeRatio = ratio
            try tx.validateStateless(rules: .klaytnShanghai)
        }
    }

    @Test func initcodeLimitFromShanghai() throws {
        var tx = Self.valid(.smartContractDeploy)
        tx.gas = 10_000_000
        tx.input = [UInt8](repeating: 0, count: GasRules.maxInitCodeSize + 1)
        #expect(throws: TxError.maxInitCodeSizeExceeded) { try tx.validateStateless(rules: .klaytnShanghai) }
        try tx.validateStateless(rules: .klaytnIstanbul)
        tx.input.removeLast()
        try tx.validateStateless(rules: .klaytnShanghai)
        var call = Self.valid(.legacy)
        call.gas = 10_000_000
        call.input = [UInt8](repeating: 0, count: GasRules.maxInitCodeSize + 1)
        try call.validateStateless(rules: .klaytnShanghai)
        call.to = nil
        #expect(throws: TxError.maxInitCodeSizeExceeded) { try call.validateStateless(rules: .klaytnShanghai) }
    }

    @Test func tipMustNotExceedFeeCap() throws {
        var tx = Self.valid(.ethereumDynamicFee)
        tx.gasTipCap = tx.gasPrice
        try tx.validateStateless(rules: .klaytnShanghai)
        tx.gasTipCap = tx.gasPrice &+ 1
        #expect(throws: TxError.tipAboveFeeCap) { try tx.validateStateless(rules: .klaytnShanghai) }
        #expect(TxError.tipAboveFeeCap.description == "max fee per gas higher than max priority fee per gas")
    }

    @Test func gasTimesPriceMustFit256Bits() throws {
        var tx = Self.valid(.valueTransfer)
        tx.gas = 1 << 20
        tx.gasPrice = UInt256.max >> 20
        try tx.validateStateless(rules: .klaytnShanghai)
        tx.gasPrice = (UInt256.max >> 20) &+ 1
        #expect(throws: TxError.feeOverflow) { try tx.validateStateless(rules: .klaytnShanghai) }
    }

    @Test func gasLimitMustCoverTheIntrinsicGas() throws {
        var tx = Self.valid(.feeDelegatedValueTransfer)
        tx.gas = 30_999
        #expect(throws: TxError.intrinsicGasTooLow) { try tx.validateStateless(rules: .klaytnShanghai) }
        tx.gas = 31_000
        try tx.validateStateless(rules: .klaytnShanghai)
    }

    /// EIP-2681 is Ethereum's; Klaytn v1.12 has no such stateless rule.
    @Test func nonceCapUnderEthereumRulesOnly() throws {
        var tx = Self.valid(.legacy)
        tx.nonce = .max
        #expect(throws: TxError.nonceMax) { try tx.validateStateless(rules: .ethereumCancun) }
        try tx.validateStateless(rules: .klaytnShanghai)
        tx.nonce = .max - 1
        try tx.validateStateless(rules: .ethereumCancun)
    }
}
