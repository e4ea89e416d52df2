import KlayPrimitives
import KlayTypes

/// One consensus message as validators exchange it (`core.message`): RLP
/// `[hash, code, msg, address, signature, committedSeal]`.
///
/// `hash` is the parent hash of the block under agreement (peers use it to pick the committee),
/// `msg` the RLP body (a ``Preprepare`` or a ``Subject``), `signature` the sender's signature over
/// the message with an empty signature field, and `committedSeal` the sender's committed seal in a
/// COMMIT (empty otherwise).
public struct IstanbulMessage: Sendable, Equatable {
    public var parentHash: Hash
    public var code: MessageCode
    /// The RLP body.
    public var body: [UInt8]
    /// The sender, as it claims; ``signer()`` recovers who signed.
    public var address: Address
    public var signature: [UInt8]
    public var committedSeal: [UInt8]

    public init(parentHash: Hash, code: MessageCode, body: [UInt8], address: Address,
                signature: [UInt8], committedSeal: [UInt8]) {
        self.parentHash = parentHash
        self.code = code
        self.body = body
        self.address = address
        self.signature = signature
        self.committedSeal = committedSeal
    }

    /// A message from `key`, signed as Klaytn's `finalizeMessage` does: the address is the key's,
    /// then the signature covers the message with an empty signature field.
    public static func signed(code: MessageCode, body: [UInt8], parentHash: Hash, committedSeal: [UInt8] = [],
                              by key: PrivateKey) -> IstanbulMessage {
        var message = IstanbulMessage(parentHash: parentHash, code: code, body: body, address: key.address,
                                      signature: [], committedSeal: committedSeal)
        message.signature = IstanbulSignature.sign(message.encoded, with: key)
        return message
    }

    /// The RLP form (the payload Klaytn sends).
    public var encoded: [UInt8] {
        var writer = RLPWriter(capacity: body.count + signature.count + committedSeal.count + 80)
        writer.list { list in
            parentHash.withUnsafeBytes { list.append(bytes: $0) }
            list.append(code.rawValue)
            list.append(bytes: body)
            address.withUnsafeBytes { list.append(bytes: $0) }
            list.append(bytes: signature)
            list.append(bytes: committedSeal)
        }
        return writer.bytes
    }

    /// What ``signature`` signs (`PayloadNoSig`): the RLP form with an empty signature.
    public var signedBytes: [UInt8] {
        var unsigned = self
        unsigned.signature = []
        return unsigned.encoded
    }

    /// Decodes the RLP form; malformed RLP or an unknown code is an invalid message.
    public init(encoded bytes: [UInt8]) throws(IstanbulCoreError) {
        do {
            var reader = RLPReader(bytes)
            var list = try reader.readList()
            parentHash = try list.readFixed()
            guard let code = MessageCode(rawValue: try list.readUInt64()) else { throw IstanbulCoreError.invalidMessage }
            self.code = code
            body = Array(try list.readBytes())
            address = try list.readFixed()
            signature = Array(try list.readBytes())
            committedSeal = Array(try list.readBytes())
            try list.finish()
            try reader.finish()
        } catch {
            throw .invalidMessage
        }
    }

    /// The address that signed the message.
    public func signer() throws(ConsensusError) -> Address {
        try IstanbulSignature.recoverSigner(of: signedBytes, signature: signature)
    }
}
