import KlayPrimitives

/// Signing and signer recovery (spec/transactions.md §5).
extension Transaction {
    /// Signs as the sender for `chainID` (RFC 6979, low S). Klaytn types append to ``signatures``
    /// (multisig accounts sign several times); legacy and Ethereum types replace their one signature.
    /// An Ethereum typed transaction whose `chainId` field is zero gets `chainID` first.
    public mutating func sign(with key: PrivateKey, chainID: UInt64) {
        if type.encoding == .ethereum && chainIDField.isZero { chainIDField = UInt256(chainID) }
        let signature = key.sign(hash: signatureHash(chainID: chainID))
        let recoveryID = UInt64(signature.recoveryID)
        let v: UInt64 = type.encoding == .ethereum ? recoveryID : recoveryID + 35 + 2 * chainID
        let stored = TxSignature(v: UInt256(v), r: signature.r, s: signature.s)
        if type.encoding == .klaytn { signatures.append(stored) } else { signatures = [stored] }
    }

    /// Signs as the fee payer for `chainID`, appending to ``feePayerSignatures``. ``feePayer`` must be set
    /// first: the fee payer commits to its own address.
    public mutating func signAsFeePayer(with key: PrivateKey, chainID: UInt64) {
        let signature = key.sign(hash: feePayerSignatureHash(chainID: chainID))
        let v = UInt64(signature.recoveryID) + 35 + 2 * chainID
        feePayerSignatures.append(TxSignature(v: UInt256(v), r: signature.r, s: signature.s))
    }

    /// The public keys that made the sender signatures, for a node on `chainID`. Checks what Klaytn's
    /// recovery checks: the chain id, low S, R and S in range.
    public func recoverSigners(chainID: UInt64) throws(TxError) -> [PublicKey] {
        try recover(signatures, hash: signatureHash(chainID: chainID), chainID: chainID, encoding: type.encoding)
    }

    /// The public keys that made the fee-payer signatures, for a node on `chainID`.
    public func recoverFeePayerSigners(chainID: UInt64) throws(TxError) -> [PublicKey] {
        guard isFeeDelegated else { throw .missingFeePayer }
        return try recover(feePayerSignatures, hash: feePayerSignatureHash(chainID: chainID), chainID: chainID, encoding: .klaytn)
    }

    /// The sender: the recovered address for legacy and Ethereum types (which carry exactly one
    /// signature), the `from` field for Klaytn types (whose signatures are checked against the account's
    /// key in state, not against the address).
    public func sender(chainID: UInt64) throws(TxError) -> Address {
        if type.encoding == .klaytn, let from { return from }
        guard signatures.count == 1 else { throw .shouldBeSingleSignature }
        return try recoverSigners(chainID: chainID)[0].address
    }

    private func recover(_ list: [TxSignature], hash: Hash, chainID: UInt64, encoding: TxEncoding) throws(TxError) -> [PublicKey] {
        guard !list.isEmpty else { throw .invalidSignature }
        if encoding == .ethereum && chainIDField != UInt256(chainID) { throw .invalidChainID }
        var keys: [PublicKey] = []
        keys.reserveCapacity(list.count)
        for signature in list {
            let recoveryID = try Self.recoveryID(of: signature.v, chainID: chainID, encoding: encoding)
            do {
                try Secp256k1.validate(v: recoveryID, r: signature.r, s: signature.s, requireLowS: true)
                keys.append(try Secp256k1.recoverPublicKey(hash: hash, v: recoveryID, r: signature.r, s: signature.s))
            } catch {
                throw .invalidSignature
            }
        }
        return keys
    }

    /// The recovery id (0/1) a stored V stands for on `chainID`: y-parity for Ethereum types, EIP-155
    /// for the others, and V 27/28 only for legacy transactions (anywhere else it means chain id 0).
    private static func recoveryID(of v: UInt256, chainID: UInt64, encoding: TxEncoding) throws(TxError) -> UInt64 {
        if encoding == .ethereum {
            guard let bit = v.uint64Value, bit <= 1 else { throw .invalidSignature }
            return bit
        }
        if v == 27 || v == 28 {
            guard encoding == .legacy || chainID == 0 else { throw .invalidChainID }
            return v.limbs.0 - 27
        }
        guard v >= 35 else { throw .invalidSignature }
        guard (v &- 35) >> 1 == UInt256(chainID) else { throw .invalidChainID }
        return (v &- 35).limbs.0 & 1
    }
}
