import KlayPrimitives

/// Reading transactions from raw bytes, strictly: every field canonical, nothing left over, and the
/// sender signatures' values checked as Klaytn's decoder checks them (spec/transactions.md §2, §5.3).
extension Transaction {
    /// The two raw forms a node receives.
    public enum RawForm: Sendable {
        /// Klaytn's wire form (`klay_sendRawTransaction`, blocks, the network): Ethereum typed
        /// transactions inside the `0x78` envelope.
        case klaytn
        /// Ethereum's form (`eth_sendRawTransaction`): a first byte in 0x01…0x7e is an EIP-2718 type,
        /// read as if `0x78` preceded it; anything else is read as Klaytn's form.
        case ethereum
    }

    /// Decodes one transaction that must span all of `bytes`.
    public init(rawBytes bytes: [UInt8], form: RawForm = .klaytn) throws(TxError) {
        var input = bytes
        if form == .ethereum, let first = bytes.first, first >= 0x01 && first <= 0x7e {
            input = [0x78] + bytes
        }
        var reader = RLPReader(input)
        try self.init(reading: &reader)
        do { try reader.finish() } catch { throw .malformed(error) }
    }

    /// Decodes one transaction from `reader` (1, 2 or 3 consecutive RLP items, as block bodies list them).
    public init(reading reader: inout RLPReader) throws(TxError) {
        do {
            self = try Transaction.read(from: &reader)
        } catch {
            throw TxError.from(error)
        }
        try checkSignatureValues()
    }

    private static func read(from reader: inout RLPReader) throws -> Transaction {
        guard let kind = reader.peekKind else { throw RLPError.unexpectedEnd }
        if kind == .list {
            var tx = Transaction(type: .legacy)
            var list = try reader.readList()
            try tx.readFields(from: &list)
            try tx.readBareSignature(from: &list)
            try list.finish()
            return tx
        }
        var number = try reader.readUInt64()
        if number == 0x78 {
            let ethereumType = try reader.readUInt64()
            guard ethereumType <= 0xff else { throw TxError.undefinedTxType }
            number = 0x7800 | ethereumType
        }
        guard number <= UInt64(UInt16.max), let type = TxType(rawValue: UInt16(number)) else { throw TxError.undefinedTxType }
        var tx = Transaction(type: type)
        var list = try reader.readList()
        try tx.readFields(from: &list)
        switch type.encoding {
        case .klaytn:
            tx.signatures = try [TxSignature](reading: &list)
            if tx.isFeeDelegated {
                tx.feePayer = try TxError.fixed(try list.readBytes(), field: "feePayer")
                tx.feePayerSignatures = try [TxSignature](reading: &list)
            }
        case .legacy, .ethereum:
            try tx.readBareSignature(from: &list)
        }
        try list.finish()
        return tx
    }

    private mutating func readFields(from list: inout RLPReader) throws {
        for field in type.descriptor.fields {
            switch field {
            case .chainID: chainIDField = try list.readUInt256()
            case .nonce: nonce = try list.readUInt64()
            case .gasPrice, .gasFeeCap: gasPrice = try list.readUInt256()
            case .gasTipCap: gasTipCap = try list.readUInt256()
            case .gas: gas = try list.readUInt64()
            case .to: to = try TxError.fixed(try list.readBytes(), field: "to")
            case .toOrNil:
                let bytes = try list.readBytes()
                to = bytes.isEmpty ? nil : try TxError.fixed(bytes, field: "to")
            case .value: value = try list.readUInt256()
            case .from: from = try TxError.fixed(try list.readBytes(), field: "from")
            case .input: input = Array(try list.readBytes())
            case .humanReadable: humanReadable = try list.readBool()
            case .codeFormat: codeFormat = try Self.readByte(from: &list)
            case .feeRatio: feeRatio = try Self.readByte(from: &list)
            case .key:
                key = Array(try list.readBytes())
                // Klaytn decodes the key with the transaction: bytes that are no account key are refused.
                guard (try? AccountKey(serialized: key)) != nil else { throw TxError.keyNotSerializable }
            case .accessList: accessList = try [AccessListEntry](reading: &list)
            }
        }
    }

    /// A one-byte integer field (fee ratio, code format).
    private static func readByte(from list: inout RLPReader) throws -> UInt8 {
        UInt8(try list.readBigEndianInteger(maxBytes: 1).first ?? 0)
    }

    private mutating func readBareSignature(from list: inout RLPReader) throws {
        let v = try list.readUInt256()
        let r = try list.readUInt256()
        let s = try list.readUInt256()
        signatures = [TxSignature(v: v, r: r, s: s)]
    }

    /// The checks Klaytn's decoder applies to sender signatures: Ethereum types need V 0/1; legacy and
    /// Klaytn types need V 27/28 with low S, or an EIP-155 V (≥ 35) — the same chain id in every
    /// signature of the list; R and S in 1..<n; the list non-empty.
    func checkSignatureValues() throws(TxError) {
        guard !signatures.isEmpty else { throw .invalidSignature }
        var chain: UInt256?
        for signature in signatures {
            let (v, r, s) = (signature.v, signature.r, signature.s)
            let recoveryID: UInt64
            let lowS: Bool
            let signatureChain: UInt256
            switch type.encoding {
            case .ethereum:
                guard let bit = v.uint64Value, bit <= 1 else { throw .invalidSignature }
                (recoveryID, lowS, signatureChain) = (bit, false, chainIDField)
            case .legacy, .klaytn:
                if v == 27 || v == 28 {
                    (recoveryID, lowS, signatureChain) = (v.limbs.0 - 27, true, .zero)
                } else {
                    guard v >= 35 else { throw .invalidSignature }
                    let offset = v &- 35
                    (recoveryID, lowS, signatureChain) = (offset.limbs.0 & 1, false, offset >> 1)
                }
            }
            if let chain, chain != signatureChain { throw .invalidSignature }
            chain = signatureChain
            do {
                try Secp256k1.validate(v: recoveryID, r: r, s: s, requireLowS: lowS)
            } catch {
                throw .invalidSignature
            }
        }
    }
}
