import CSecp256k1
import Crypto
import _CryptoExtras

/// Keys from a BIP-39 mnemonic along a BIP-32 path, as wallets and development chains (anvil, hardhat)
/// derive their accounts: `seed = PBKDF2-HMAC-SHA512(mnemonic, "mnemonic" ‖ passphrase, 2048)`, then
/// child keys by HMAC-SHA512 from the master key of `HMAC-SHA512("Bitcoin seed", seed)`.
///
/// The mnemonic's words are not checked against the BIP-39 word list (its checksum protects typing,
/// not derivation); the text is used as given, NFKD being the identity for the ASCII lists.
public struct HDKeyDerivation: Sendable {
    /// A path index at or above this is hardened (written `n'`).
    public static let hardened: UInt32 = 0x8000_0000
    /// `m/44'/60'/0'/0`: Ethereum's (and Klaytn wallets') account branch; account i is its child i.
    public static let ethereumAccountBranch: [UInt32] = [44 | hardened, 60 | hardened, 0 | hardened, 0]

    private let masterKey: [UInt8]
    private let masterChainCode: [UInt8]

    /// The master key of `mnemonic` with an optional BIP-39 passphrase.
    public init(mnemonic: String, passphrase: String = "") throws(SignatureError) {
        let seed: [UInt8]
        do {
            let derived = try KDF.Insecure.PBKDF2.deriveKey(
                from: Array(mnemonic.utf8), salt: Array(("mnemonic" + passphrase).utf8), using: .sha512,
                outputByteCount: 64, unsafeUncheckedRounds: 2048)
            seed = derived.withUnsafeBytes { Array($0) }
        } catch {
            throw .invalidPrivateKey
        }
        let master = Self.hmac(key: Array("Bitcoin seed".utf8), seed)
        masterKey = Array(master[0..<32])
        masterChainCode = Array(master[32..<64])
        _ = try PrivateKey(bytes: masterKey)
    }

    /// The key at `path` (indices from ``hardened`` up are hardened).
    public func key(at path: [UInt32]) throws(SignatureError) -> PrivateKey {
        var key = masterKey
        var chainCode = masterChainCode
        for index in path {
            var data: [UInt8]
            if index >= Self.hardened {
                data = [0] + key
            } else {
                data = try PrivateKey(bytes: key).publicKey.compressed
            }
            data += [UInt8(index >> 24), UInt8(index >> 16 & 0xff), UInt8(index >> 8 & 0xff), UInt8(index & 0xff)]
            let digest = Self.hmac(key: chainCode, data)
            var child = key
            let added = child.withUnsafeMutableBufferPointer { secret in
                Array(digest[0..<32]).withUnsafeBufferPointer { tweak in
                    secp256k1_ec_seckey_tweak_add(Secp256k1.context, secret.baseAddress!, tweak.baseAddress!) == 1
                }
            }
            // BIP-32: an invalid child (probability ~2^-127) means "use the next index"; report it instead.
            guard added else { throw .invalidPrivateKey }
            key = child
            chainCode = Array(digest[32..<64])
        }
        return try PrivateKey(bytes: key)
    }

    /// Account `index` of the Ethereum branch, `m/44'/60'/0'/0/index`.
    public func ethereumAccount(_ index: UInt32) throws(SignatureError) -> PrivateKey {
        try key(at: Self.ethereumAccountBranch + [index])
    }

    private static func hmac(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA512>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }
}
