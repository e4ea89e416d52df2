import KlayPrimitives
import KlayTypes

/// Klaytn's validateSender precompile (0x0b for vmVersion-0 callers, 0x3ff otherwise).
///
/// Input: from (20 bytes) ‖ message hash (32) ‖ n signatures r ‖ s ‖ v (65 bytes each, v the
/// recovery id 0 or 1). Output 0x01 when the recovered keys satisfy the transaction role of
/// from's account key, else 0x00; malformed input gives 0x00, never an error.
enum ValidateSender {
    static let signatureLength = 65

    static func run(_ input: [UInt8], context: PrecompileContext) -> [UInt8] {
        isValid(input, context: context) ? [1] : [0]
    }

    private static func isValid(_ input: [UInt8], context: PrecompileContext) -> Bool {
        guard input.count >= 52, (input.count - 52) % signatureLength == 0,
              let from = try? Address(bytes: input[0..<20]),
              let hash = try? Hash(bytes: input[20..<52])
        else { return false }
        var signers: [PublicKey] = []
        signers.reserveCapacity((input.count - 52) / signatureLength)
        for offset in stride(from: 52, to: input.count, by: signatureLength) {
            let r = input.word(at: offset), s = input.word(at: offset + 32)
            let v = UInt64(input[offset + 64])
            guard let signer = try? Secp256k1.recoverPublicKey(hash: hash, v: v, r: r, s: s) else { return false }
            signers.append(signer)
        }
        let key = context.accountKey(from)
        return (try? key.validate(signers: signers, role: .transaction, address: from, istanbul: context.istanbul)) != nil
    }
}
