import KlayPrimitives
import Testing

/// BIP-39/BIP-32 derivation against published values: the accounts every anvil/hardhat user knows for
/// the mnemonic `test test … junk` (their documentation and startup banners list these keys).
@Suite struct HDKeyDerivationTests {
    static let devMnemonic = "test test test test test test test test test test test junk"

    @Test func anvilAccounts() throws {
        let derivation = try HDKeyDerivation(mnemonic: Self.devMnemonic)
        let expected: [(String, String)] = [
            ("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
            ("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
            ("0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6", "0xa0ee7a142d267c1f36714e4a8f75612f20a79720"),
        ]
        for (index, (secret, address)) in zip([UInt32(0), 1, 9], expected) {
            let key = try derivation.ethereumAccount(index)
            #expect(key.secret.hex == secret)
            #expect(key.address.hex == address)
        }
    }
}
