import KlayPrimitives
import Testing
import KlayTypes

/// The decoder refuses each kind of malformed raw transaction with its exact ``TxError``
/// (spec/transactions.md §1–§3, §5.3). Every input is a well-formed base transaction with one fault.
@Suite struct TransactionMalformedTests {
    // MARK: Building raw transactions item by item

    static func int(_ value: UInt64) -> [UInt8] { RLPWriter.encode { $0.append(value) } }
    static func big(_ value: UInt256) -> [UInt8] { RLPWriter.encode { $0.append(value) } }
    static func string(_ bytes: [UInt8]) -> [UInt8] { RLPWriter.encode { $0.append(bytes: bytes) } }
    static func list(_ items: [[UInt8]]) -> [UInt8] {
        RLPWriter.encode { writer in writer.list { list in for item in items { list.appendRaw(item) } } }
    }

    static let to = [UInt8](repeating: 0x11, count: 20)
    static let from = [UInt8](repeating: 0x22, count: 20)
    /// `[V, R, S]` with values that pass the decoder's checks (R = S = 1, chain id 1).
    static func sig(v: UInt256 = 37, r: UInt256 = 1, s: UInt256 = 1) -> [UInt8] { list([big(v), big(r), big(s)]) }

    /// ValueTransfer (0x08) fields: nonce, gasPrice, gas, to, value, from.
    static let valueTransferFields = [int(1), int(25_000_000_000), int(21_000), string(to), int(10), string(from)]
    /// `T ‖ rlp([fields…, [sigs…]] + extra)`.
    static func klaytnTx(_ type: UInt8 = 0x08, fields: [[UInt8]] = valueTransferFields, sigs: [[UInt8]] = [sig()],
                         extra: [[UInt8]] = []) -> [UInt8] {
        [type] + list(fields + [list(sigs)] + extra)
    }

    /// Legacy fields: nonce, gasPrice, gas, to, value, input.
    static let legacyFields = [int(1), int(25_000_000_000), int(21_000), string(to), int(10), string([])]
    static func legacyTx(fields: [[UInt8]] = legacyFields, v: UInt256 = 37, r: UInt256 = 1, s: UInt256 = 1) -> [UInt8] {
        list(fields + [big(v), big(r), big(s)])
    }

    /// An EIP-1559 transaction in Ethereum's raw form `02 ‖ rlp([…])`.
    static func dynamicFeeTx(v: UInt256 = 1) -> [UInt8] {
        [0x02] + list([int(1), int(1), int(1), int(2), int(21_000), string(to), int(10), string([]), list([]),
                       big(v), big(1), big(1)])
    }

    static let n = Secp256k1.order

    @Test func theBaseTransactionsDecodeAndReencode() throws {
        for raw in [Self.klaytnTx(), Self.legacyTx(), Self.legacyTx(v: 27)] {
            #expect(try Transaction(rawBytes: raw).rawBytes == raw)
        }
        let dynamicFee = try Transaction(rawBytes: Self.dynamicFeeTx(), form: .ethereum)
        #expect(dynamicFee.type == .ethereumDynamicFee)
        #expect(dynamicFee.ethereumRawBytes == Self.dynamicFeeTx())
        #expect(try Transaction(rawBytes: [0x78] + Self.dynamicFeeTx()) == dynamicFee)
    }

    // MARK: Framing

    @Test func emptyInput() {
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: []) }
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: [], form: .ethereum) }
    }

    @Test func typeByteAlone() {
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: [0x08]) }
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: [0x78]) }
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: [0x02], form: .ethereum) }
    }

    @Test func truncatedInput() {
        let raw = Self.klaytnTx()
        let payload = raw.count - 3  // type byte and a two-byte list header (f8 xx)
        #expect(throws: TxError.malformed(.lengthPastInput(needed: payload, available: payload - 1))) {
            try Transaction(rawBytes: Array(raw.dropLast()))
        }
    }

    @Test func trailingBytes() {
        #expect(throws: TxError.malformed(.trailingBytes(count: 1))) { try Transaction(rawBytes: Self.klaytnTx() + [0x00]) }
        #expect(throws: TxError.malformed(.trailingBytes(count: 2))) { try Transaction(rawBytes: Self.legacyTx() + [0x80, 0x80]) }
    }

    // MARK: List arity

    @Test func tooFewFieldsForAKlaytnType() {
        let withoutFrom = Array(Self.valueTransferFields.dropLast())
        // The signature list is read where `from` should be.
        #expect(throws: TxError.malformed(.expectedString)) {
            try Transaction(rawBytes: [0x08] + Self.list(withoutFrom + [Self.list([Self.sig()])]))
        }
        #expect(throws: TxError.malformed(.unexpectedEnd)) {
            try Transaction(rawBytes: [0x08] + Self.list(Self.valueTransferFields))
        }
    }

    @Test func tooManyFieldsForAKlaytnType() {
        #expect(throws: TxError.malformed(.trailingBytes(count: 1))) { try Transaction(rawBytes: Self.klaytnTx(extra: [Self.int(0)])) }
        // A fee payer part on a basic type.
        #expect(throws: TxError.malformed(.trailingBytes(count: 21 + 1 + Self.sig().count))) {
            try Transaction(rawBytes: Self.klaytnTx(extra: [Self.string(Self.from), Self.list([Self.sig()])]))
        }
    }

    @Test func missingFeePayerPart() {
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: Self.klaytnTx(0x09)) }
    }

    @Test func tooFewFieldsForLegacy() {
        #expect(throws: TxError.malformed(.unexpectedEnd)) { try Transaction(rawBytes: Self.list(Self.legacyFields + [Self.int(37), Self.int(1)])) }
    }

    @Test func tooManyFieldsForLegacy() {
        #expect(throws: TxError.malformed(.trailingBytes(count: 1))) { try Transaction(rawBytes: Self.list(Self.legacyFields + [Self.int(37), Self.int(1), Self.int(1), Self.int(0)])) }
    }

    // MARK: Integers

    @Test func nonceWiderThan64Bits() {
        var fields = Self.valueTransferFields
        fields[0] = Self.string([1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: TxError.malformed(.integerOverflow)) { try Transaction(rawBytes: Self.klaytnTx(fields: fields)) }
    }

    @Test func feeRatioWiderThanOneByte() {
        let fields = Self.valueTransferFields + [Self.string([0x01, 0x00])]
        #expect(throws: TxError.malformed(.integerOverflow)) {
            try Transaction(rawBytes: Self.klaytnTx(0x0a, fields: fields, extra: [Self.string(Self.from), Self.list([Self.sig()])]))
        }
    }

    @Test func valueOf33Bytes() {
        var fields = Self.valueTransferFields
        fields[4] = Self.string([1] + [UInt8](repeating: 0, count: 32))
        #expect(throws: TxError.malformed(.integerOverflow)) { try Transaction(rawBytes: Self.klaytnTx(fields: fields)) }
    }

    @Test func nonCanonicalIntegers() {
        var leadingZero = Self.valueTransferFields
        leadingZero[0] = Self.string([0x00, 0x01])
        #expect(throws: TxError.malformed(.nonCanonicalInteger)) { try Transaction(rawBytes: Self.klaytnTx(fields: leadingZero)) }
        var wrapped = Self.valueTransferFields
        wrapped[0] = [0x81, 0x05]
        #expect(throws: TxError.malformed(.singleByteWrapped)) { try Transaction(rawBytes: Self.klaytnTx(fields: wrapped)) }
        var zeroByte = Self.legacyFields
        zeroByte[4] = [0x00]
        #expect(throws: TxError.malformed(.nonCanonicalInteger)) { try Transaction(rawBytes: Self.legacyTx(fields: zeroByte)) }
        #expect(throws: TxError.malformed(.nonCanonicalInteger)) {
            try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.list([Self.string([0x00, 0x25]), Self.int(1), Self.int(1)])]))
        }
    }

    @Test func typeWithLeadingZeroOrWrapped() {
        #expect(throws: TxError.malformed(.nonCanonicalInteger)) { try Transaction(rawBytes: [0x00] + Self.list(Self.legacyFields)) }
        #expect(throws: TxError.malformed(.singleByteWrapped)) { try Transaction(rawBytes: [0x81, 0x08] + Self.list(Self.valueTransferFields)) }
    }

    @Test func booleanOtherThanZeroOrOne() {
        let deploy = [Self.int(1), Self.int(1), Self.int(100_000), Self.string([]), Self.int(0), Self.string(Self.from),
                      Self.string([0x60]), Self.int(2), Self.int(0)]
        #expect(throws: TxError.malformed(.invalidBoolean(2))) { try Transaction(rawBytes: Self.klaytnTx(0x28, fields: deploy)) }
    }

    // MARK: Signature values

    @Test func legacyVZeroOrOne() {
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(v: 0)) }
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(v: 1)) }
    }

    @Test func klaytnTypeVZeroOrOne() {
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(v: 0)])) }
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(v: 1)])) }
    }

    @Test func ethereumTypeVTwo() {
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.dynamicFeeTx(v: 2), form: .ethereum) }
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.dynamicFeeTx(v: 27), form: .ethereum) }
    }

    @Test func vBelow35OtherThan27Or28() {
        for v: UInt64 in [2, 26, 29, 30, 34] {
            #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(v: UInt256(v))) }
            #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(v: UInt256(v))])) }
        }
    }

    @Test func rOrSZero() {
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(r: 0)) }
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(s: 0)) }
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(r: 0)])) }
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(s: 0)])) }
    }

    @Test func rOrSAtLeastTheOrder() throws {
        for big in [Self.n, Self.n &+ 1, UInt256.max] {
            #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(r: big)) }
            #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(s: big)) }
            #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(r: big)])) }
        }
        #expect(try Transaction(rawBytes: Self.legacyTx(r: Self.n &- 1)).signatures[0].r == Self.n &- 1)
    }

    /// §5.3: with V 27/28 the decoder demands S ≤ n/2; with an EIP-155 V it does not, but recovery does.
    @Test func highS() throws {
        let high = Secp256k1.halfOrder &+ 1
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.legacyTx(v: 27, s: high)) }
        let protected = try Transaction(rawBytes: Self.legacyTx(v: 37, s: high))
        #expect(throws: TxError.invalidSignature) { try protected.recoverSigners(chainID: 1) }
    }

    @Test func emptySenderSignatureList() {
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [])) }
    }

    /// The decoder checks only sender signatures; an empty fee-payer list fails at recovery.
    @Test func emptyFeePayerSignatureList() throws {
        let tx = try Transaction(rawBytes: Self.klaytnTx(0x09, extra: [Self.string(Self.from), Self.list([])]))
        #expect(throws: TxError.invalidSignature) { try tx.recoverFeePayerSigners(chainID: 1) }
    }

    @Test func signaturesForDifferentChains() {
        #expect(throws: TxError.invalidSignature) { try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.sig(v: 37), Self.sig(v: 2037)])) }
    }

    @Test func signatureWithFourValues() {
        #expect(throws: TxError.malformed(.trailingBytes(count: 1))) {
            try Transaction(rawBytes: Self.klaytnTx(sigs: [Self.list([Self.int(37), Self.int(1), Self.int(1), Self.int(1)])]))
        }
    }

    // MARK: Type numbers

    @Test func klaytnFormTypeBytesOneToSeven() {
        for type: UInt8 in 0x01...0x07 {
            #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: Self.klaytnTx(type)) }
        }
    }

    @Test func disabledAccountCreation() {
        let fields = Self.valueTransferFields + [Self.int(0), Self.string([0x01, 0xc0])]
        #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: Self.klaytnTx(0x18, fields: fields)) }
    }

    @Test func reservedBatchType() {
        #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: Self.klaytnTx(0x40)) }
    }

    @Test func undefinedTypesBetweenFamilies() {
        for type: UInt8 in [0x0b, 0x0f, 0x13, 0x50, 0x7f] {
            #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: Self.klaytnTx(type)) }
        }
    }

    @Test func blobTypeIsKaiaOnly() {
        #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: [0x78] + Self.klaytnTx(0x03)) }
        #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: Self.klaytnTx(0x03), form: .ethereum) }
    }

    @Test func envelopeWithoutAnEthereumType() {
        #expect(throws: TxError.malformed(.nonCanonicalInteger)) { try Transaction(rawBytes: [0x78, 0x00] + Self.list(Self.legacyFields)) }
        #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: [0x78, 0x78] + Self.dynamicFeeTx().dropFirst()) }
    }

    /// Not strict, on purpose: like Klaytn's decoder (`s.Decode(&txType)` into a uint16, §2), the type is
    /// one RLP integer, so `82 78 02 ‖ rlp(…)` is read as type 0x7802. It re-encodes as the canonical
    /// `78 02 ‖ rlp(…)` and hashes the same; this is the one input shape that decodes but does not
    /// re-encode to itself.
    @Test func typeNumberAsOneTwoByteInteger() throws {
        let canonical = [0x78] + Self.dynamicFeeTx()
        let wide = [0x82] + canonical
        let tx = try Transaction(rawBytes: wide)
        #expect(tx == (try Transaction(rawBytes: canonical)))
        #expect(tx.rawBytes == canonical)
    }

    /// Klaytn types cannot come through the eth namespace: `08 …` is read as type 0x7808 (§2).
    @Test func klaytnTypeInEthereumForm() {
        #expect(throws: TxError.undefinedTxType) { try Transaction(rawBytes: Self.klaytnTx(), form: .ethereum) }
    }

    // MARK: Fixed-size fields

    @Test func nineteenByteAddresses() {
        let short = Self.string([UInt8](repeating: 0x11, count: 19))
        var toField = Self.valueTransferFields
        toField[3] = short
        #expect(throws: TxError.wrongFieldLength(field: "to", expected: 20, actual: 19)) { try Transaction(rawBytes: Self.klaytnTx(fields: toField)) }
        var fromField = Self.valueTransferFields
        fromField[5] = short
        #expect(throws: TxError.wrongFieldLength(field: "from", expected: 20, actual: 19)) { try Transaction(rawBytes: Self.klaytnTx(fields: fromField)) }
        #expect(throws: TxError.wrongFieldLength(field: "feePayer", expected: 20, actual: 19)) {
            try Transaction(rawBytes: Self.klaytnTx(0x09, extra: [short, Self.list([Self.sig()])]))
        }
        var legacyTo = Self.legacyFields
        legacyTo[3] = short
        #expect(throws: TxError.wrongFieldLength(field: "to", expected: 20, actual: 19)) { try Transaction(rawBytes: Self.legacyTx(fields: legacyTo)) }
    }

    /// ValueTransfer's `to` is not optional: the empty string is a 0-byte address, not nil (§3).
    @Test func emptyRecipientWhereOneIsRequired() {
        var fields = Self.valueTransferFields
        fields[3] = Self.string([])
        #expect(throws: TxError.wrongFieldLength(field: "to", expected: 20, actual: 0)) { try Transaction(rawBytes: Self.klaytnTx(fields: fields)) }
    }

    @Test func listWhereAStringBelongs() {
        var fields = Self.valueTransferFields
        fields[2] = Self.list([Self.int(21_000)])
        #expect(throws: TxError.malformed(.expectedString)) { try Transaction(rawBytes: Self.klaytnTx(fields: fields)) }
    }

    @Test func stringWhereTheSignatureListBelongs() {
        #expect(throws: TxError.malformed(.expectedList)) { try Transaction(rawBytes: [0x08] + Self.list(Self.valueTransferFields + [Self.int(37)])) }
    }
}
