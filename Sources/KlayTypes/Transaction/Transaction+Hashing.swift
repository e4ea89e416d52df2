import KlayPrimitives

/// The hashes of a transaction (spec/transactions.md §2.1, §4, §9).
extension Transaction {
    /// The transaction hash: keccak of the raw bytes, except that Ethereum typed transactions hash
    /// `e ‖ rlp(payload)` without the `0x78` envelope (so the hash equals Ethereum's).
    public var hash: Hash {
        var writer = RLPWriter(capacity: 128 + input.count)
        if type.encoding == .ethereum {
            writeEthereumTyped(to: &writer, signed: true)
        } else {
            writeRaw(to: &writer)
        }
        return writer.withUnsafeBytes { Keccak256.hash($0) }
    }

    /// ``hash`` from the transaction's ``rawBytes`` when the caller has them already (the `0x78`
    /// envelope of Ethereum typed transactions is left out of the hash), saving a second encoding.
    public func hash(rawBytes: [UInt8]) -> Hash {
        type.encoding == .ethereum ? Keccak256.hash(rawBytes.dropFirst()) : Keccak256.hash(rawBytes)
    }

    /// The hash of the transaction without its fee-payer part: `keccak(T ‖ rlp([fields…, signatures]))`
    /// for fee-delegated types, the same as ``hash`` for all others. It lets a sender find its
    /// transaction before the fee payer has signed.
    public var senderTxHash: Hash {
        guard isFeeDelegated else { return hash }
        var writer = RLPWriter(capacity: 128 + input.count)
        writer.appendRaw(CollectionOfOne(UInt8(type.rawValue)))
        writer.list { list in
            writeFields(to: &list)
            signatures.write(to: &list)
        }
        return writer.withUnsafeBytes { Keccak256.hash($0) }
    }

    /// What the sender signs for `chainID`: EIP-155 (or the 6-field pre-EIP-155 form for a legacy
    /// transaction signed with V 27/28), Klaytn's `rlp([rlp([T, fields…]), chainId, 0, 0])`, or
    /// Ethereum's `e ‖ rlp([fields…])`.
    public func signatureHash(chainID: UInt64) -> Hash {
        signingPreimage(chainID: chainID).withUnsafeBytes { Keccak256.hash($0) }
    }

    /// What the fee payer signs: `rlp([rlp([T, fields…]), feePayer, chainId, 0, 0])`.
    public func feePayerSignatureHash(chainID: UInt64) -> Hash {
        let inner = klaytnSigningInner()
        let preimage = RLPWriter.encode { writer in
            writer.list { list in
                list.append(bytes: inner)
                writeAddress(feePayer ?? .zero, to: &list)
                list.append(chainID)
                list.append(UInt64(0))
                list.append(UInt64(0))
            }
        }
        return Keccak256.hash(preimage)
    }

    /// The bytes whose keccak is ``signatureHash(chainID:)`` (the `sigRLP` of Klaytn's docs).
    public func signingPreimage(chainID: UInt64) -> [UInt8] {
        switch type.encoding {
        case .legacy:
            return RLPWriter.encode { writer in
                writer.list { list in
                    writeFields(to: &list)
                    if isProtected {
                        list.append(chainID)
                        list.append(UInt64(0))
                        list.append(UInt64(0))
                    }
                }
            }
        case .klaytn:
            let inner = klaytnSigningInner()
            return RLPWriter.encode { writer in
                writer.list { list in
                    list.append(bytes: inner)
                    list.append(chainID)
                    list.append(UInt64(0))
                    list.append(UInt64(0))
                }
            }
        case .ethereum:
            return RLPWriter.encode { writer in writeEthereumTyped(to: &writer, signed: false) }
        }
    }
}
