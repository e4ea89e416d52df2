import KlayPrimitives

/// Writing transactions: the wire form Klaytn nodes exchange, the Ethereum typed form, and the
/// pieces the hashes are taken over.
extension Transaction {
    /// The raw bytes as `klay_sendRawTransaction`, blocks and the network carry them:
    /// legacy `rlp([…, V, R, S])`, Klaytn `T ‖ rlp([…])`, Ethereum `0x78 ‖ e ‖ rlp([…])`.
    public var rawBytes: [UInt8] {
        var writer = RLPWriter(capacity: 128 + input.count)
        writeRaw(to: &writer)
        return writer.bytes
    }

    /// The bytes as Ethereum tooling expects them: `e ‖ rlp([…])` for typed transactions (no 0x78),
    /// the same as ``rawBytes`` for the others.
    public var ethereumRawBytes: [UInt8] {
        guard type.encoding == .ethereum else { return rawBytes }
        var writer = RLPWriter(capacity: 128 + input.count)
        writeEthereumTyped(to: &writer, signed: true)
        return writer.bytes
    }

    /// Appends ``rawBytes`` to `writer` (as a block body lists transactions: bare, not wrapped in a string).
    public func writeRaw(to writer: inout RLPWriter) {
        switch type.encoding {
        case .legacy:
            writer.list { list in
                writeFields(to: &list)
                writeBareSignature(to: &list)
            }
        case .klaytn:
            writer.appendRaw(CollectionOfOne(UInt8(type.rawValue)))
            writer.list { list in
                writeFields(to: &list)
                signatures.write(to: &list)
                if isFeeDelegated {
                    writeAddress(feePayer ?? .zero, to: &list)
                    feePayerSignatures.write(to: &list)
                }
            }
        case .ethereum:
            writer.appendRaw(CollectionOfOne(UInt8(0x78)))
            writeEthereumTyped(to: &writer, signed: true)
        }
    }

    /// `e ‖ rlp([fields… (, yParity, r, s)])`.
    func writeEthereumTyped(to writer: inout RLPWriter, signed: Bool) {
        writer.appendRaw(CollectionOfOne(type.ethereumTypeByte!))
        writer.list { list in
            writeFields(to: &list)
            if signed { writeBareSignature(to: &list) }
        }
    }

    /// `rlp([T, fields…])`: what Klaytn types' sender and fee-payer signatures cover (spec/transactions.md §4).
    func klaytnSigningInner() -> [UInt8] {
        RLPWriter.encode { writer in
            writer.list { list in
                list.append(UInt64(type.rawValue))
                writeFields(to: &list)
            }
        }
    }

    /// The body fields in the type's order.
    func writeFields(to writer: inout RLPWriter) {
        for field in type.descriptor.fields {
            switch field {
            case .chainID: writer.append(chainIDField)
            case .nonce: writer.append(nonce)
            case .gasPrice, .gasFeeCap: writer.append(gasPrice)
            case .gasTipCap: writer.append(gasTipCap)
            case .gas: writer.append(gas)
            case .to: writeAddress(to ?? .zero, to: &writer)
            case .toOrNil:
                if let to { writeAddress(to, to: &writer) } else { writer.append(bytes: EmptyCollection()) }
            case .value: writer.append(value)
            case .from: writeAddress(from ?? .zero, to: &writer)
            case .input: writer.append(bytes: input)
            case .humanReadable: writer.append(humanReadable)
            case .codeFormat: writer.append(UInt64(codeFormat))
            case .feeRatio: writer.append(UInt64(feeRatio))
            case .key: writer.append(bytes: key)
            case .accessList: accessList.write(to: &writer)
            }
        }
    }

    /// The single signature as bare `V, R, S` items (legacy and Ethereum types); zeros when unsigned.
    func writeBareSignature(to writer: inout RLPWriter) {
        let signature = signatures.first ?? TxSignature(v: .zero, r: .zero, s: .zero)
        writer.append(signature.v)
        writer.append(signature.r)
        writer.append(signature.s)
    }

    func writeAddress(_ address: Address, to writer: inout RLPWriter) {
        address.withUnsafeBytes { writer.append(bytes: $0) }
    }
}
