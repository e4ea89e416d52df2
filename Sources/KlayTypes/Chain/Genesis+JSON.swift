#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KlayPrimitives

/// Reading a genesis.json (spec/chain.md §5.1). Header numbers and balances are strings of `0x` hex or
/// decimal digits; bytes are `0x` hex; `governanceData` is base64; alloc addresses may omit `0x`.
extension Genesis {
    /// Parses a genesis file; `config`, `alloc` and every account's `balance` are required.
    public init(json text: some Collection<UInt8>) throws(GenesisError) {
        let object = try GenesisJSONObject(parsing: text, path: "")
        guard let configObject = try object.object("config") else { throw .missingField(path: "config") }
        self.init(config: try ChainConfig(reading: configObject))
        timestamp = try object.quantity64("timestamp") ?? 0
        extraData = try object.bytes("extraData") ?? []
        if let text = try object.string("governanceData") {
            guard let data = Data(base64Encoded: text) else { throw .invalidBase64(path: "governanceData") }
            governanceData = Array(data)
        }
        blockScore = try object.quantity("blockScore")
        number = try object.quantity64("number") ?? 0
        gasUsed = try object.quantity64("gasUsed") ?? 0
        if let text = try object.string("parentHash") {
            guard let hash = try? Hash(bytes: Hex.decode(text, count: Hash.byteCount, prefix: .required)) else {
                throw .wrongType(path: "parentHash", expected: "a 0x-prefixed 32-byte hex string")
            }
            parentHash = hash
        }
        guard let allocObject = try object.object("alloc") else { throw .missingField(path: "alloc") }
        for member in allocObject.members {
            let path = allocObject.path(member.key)
            let address = try GenesisJSONObject.address(member.key, prefix: .optional, path: path)
            guard alloc[address] == nil else { throw .duplicateAccount(address) }
            alloc[address] = try GenesisAccount(reading: GenesisJSONObject(member.value, path: path))
        }
    }
}

extension GenesisAccount {
    init(reading object: GenesisJSONObject) throws(GenesisError) {
        guard let balance = try object.quantity("balance") else { throw .missingField(path: object.path("balance")) }
        self.init(balance: balance, code: try object.bytes("code") ?? [], nonce: try object.quantity64("nonce") ?? 0)
        if let slots = try object.object("storage") {
            for member in slots.members {
                let path = slots.path(member.key)
                guard case .string(let text) = member.value else { throw .wrongType(path: path, expected: "a hex string") }
                storage[try Self.word(member.key, path: path)] = try Self.word(text, path: path)
            }
        }
    }

    /// A storage key or value: hex with an optional lower-case `0x`, at most 32 bytes, left-padded.
    private static func word(_ text: String, path: String) throws(GenesisError) -> Hash {
        let digits = text.hasPrefix("0x") ? text.utf8.dropFirst(2) : text.utf8[...]
        guard digits.count <= 2 * Hash.byteCount else { throw .storageWordTooLong(path: path, digits: digits.count) }
        guard digits.count % 2 == 0 else { throw .invalidHex(path: path, .oddLength(digits: digits.count)) }
        var word = [UInt8](repeating: 0, count: Hash.byteCount - digits.count / 2)
        var offset = 0
        while offset < digits.count {
            var byte: UInt8 = 0
            for position in offset..<offset + 2 {
                let digit = digits[digits.index(digits.startIndex, offsetBy: position)]
                guard let nibble = Hex.nibble(digit) else {
                    throw .invalidHex(path: path, .invalidDigit(Character(Unicode.Scalar(digit)), offset: position))
                }
                byte = byte << 4 | nibble
            }
            word.append(byte)
            offset += 2
        }
        return Hash(unsafeBytes: word)
    }
}
