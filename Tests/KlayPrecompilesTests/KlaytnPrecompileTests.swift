import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayPrecompiles

/// ecrecover's input rules and Klaytn's vmLog, feePayer and validateSender (spec/evm.md §5.3).
@Suite struct KlaytnPrecompileTests {
    static let alice = try! PrivateKey(hex: "98275a145bc1726eb0445433088f5f882f8a4a9499135239cfb4040e78991dab")
    static let bob = try! PrivateKey(hex: "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
    static let hash = Keccak256.hash(Array("validate me".utf8))

    static func context(_ keys: [Address: AccountKey], istanbul: Bool = true) -> PrecompileContext {
        PrecompileContext(feePayer: bob.address, accountKey: { keys[$0] ?? .legacy }, istanbul: istanbul)
    }

    static func validate(_ from: Address, _ signers: [PrivateKey], keys: [Address: AccountKey], mutate: (inout [UInt8]) -> Void = { _ in }) -> [UInt8] {
        var input = from.bytes + hash.bytes
        for signer in signers { input += signer.sign(hash: hash).compact65 }
        mutate(&input)
        return try! Precompile.validateSender.run(input, context: context(keys)).get()
    }

    @Test func validateSenderChecksTheAccountKey() {
        let owner = Self.alice.address
        // Legacy: the signer must be the account itself.
        #expect(Self.validate(owner, [Self.alice], keys: [:]) == [1])
        #expect(Self.validate(owner, [Self.bob], keys: [:]) == [0])
        // Public: the key decides, whatever the address.
        let elsewhere = Self.bob.address
        #expect(Self.validate(elsewhere, [Self.alice], keys: [elsewhere: .public(Self.alice.publicKey)]) == [1])
        #expect(Self.validate(elsewhere, [Self.bob], keys: [elsewhere: .public(Self.alice.publicKey)]) == [0])
        // Multisig: the weights of the distinct signers.
        let multisig = AccountKey.weightedMultiSig(threshold: 2, keys: [
            WeightedPublicKey(weight: 1, publicKey: Self.alice.publicKey),
            WeightedPublicKey(weight: 1, publicKey: Self.bob.publicKey),
        ])
        #expect(Self.validate(owner, [Self.alice, Self.bob], keys: [owner: multisig]) == [1])
        #expect(Self.validate(owner, [Self.alice], keys: [owner: multisig]) == [0])
        // Role-based: the transaction role's key.
        let roles = AccountKey.roleBased([.public(Self.bob.publicKey), .public(Self.alice.publicKey)])
        #expect(Self.validate(owner, [Self.bob], keys: [owner: roles]) == [1])
        #expect(Self.validate(owner, [Self.alice], keys: [owner: roles]) == [0])
        #expect(Self.validate(owner, [Self.alice], keys: [owner: .fail]) == [0])
    }

    @Test func validateSenderRefusesMalformedInputWithZero() {
        let owner = Self.alice.address
        // No signature, a short header, trailing bytes, v = 27, r = 0: all 0x00, never an error.
        #expect(Self.validate(owner, [], keys: [:]) == [0])
        #expect(Self.validate(owner, [Self.alice], keys: [:]) { $0.removeLast(66) } == [0])
        #expect(Self.validate(owner, [Self.alice], keys: [:]) { $0.append(0) } == [0])
        #expect(Self.validate(owner, [Self.alice], keys: [:]) { $0[$0.count - 1] += 27 } == [0])
        #expect(Self.validate(owner, [Self.alice], keys: [:]) { $0.replaceSubrange(52..<84, with: [UInt8](repeating: 0, count: 32)) } == [0])
        #expect(Precompile.validateSender.run([], context: Self.context([:])) == .success([0]))
        // Gas divides the whole length by 65; computation cost too.
        #expect(Precompile.validateSender.requiredGas([UInt8](repeating: 0, count: 52 + 130)) == 10_000)
        #expect(Precompile.validateSender.requiredGas([UInt8](repeating: 0, count: 64)) == 0)
        #expect(Precompile.validateSender.computationCost([UInt8](repeating: 0, count: 52 + 65), gas: 5_000) == 190_000)
    }

    @Test func feePayerAndVMLog() {
        let context = Self.context([:])
        #expect(Precompile.feePayer.run([1, 2, 3], context: context) == .success(Self.bob.address.bytes))
        #expect(Precompile.vmLog.run(Array("hello".utf8), context: context) == .success([]))
        #expect(Precompile.vmLog.requiredGas(Array("hello".utf8)) == 200)
        #expect(Precompile.vmLog.computationCost(Array("hello".utf8), gas: 200) == 10)
        #expect(Precompile.feePayer.computationCost([], gas: 300) == 10)
    }

    static func ecrecoverInput(v: UInt8, s: UInt256? = nil) -> [UInt8] {
        let signature = alice.sign(hash: hash)
        return hash.bytes + UInt256(UInt64(v)).bigEndianBytes + signature.r.bigEndianBytes + (s ?? signature.s).bigEndianBytes
    }

    @Test func ecrecoverInputRules() {
        let context = Self.context([:])
        let v = 27 + Self.alice.sign(hash: Self.hash).recoveryID
        let expected = [UInt8](repeating: 0, count: 12) + Self.alice.address.bytes
        #expect(Precompile.ecrecover.run(Self.ecrecoverInput(v: v), context: context) == .success(expected))
        // Extra input is ignored; v outside 27/28 or junk in bytes 32…62 gives empty output.
        #expect(Precompile.ecrecover.run(Self.ecrecoverInput(v: v) + [9], context: context) == .success(expected))
        #expect(Precompile.ecrecover.run(Self.ecrecoverInput(v: v - 27), context: context) == .success([]))
        var junk = Self.ecrecoverInput(v: v)
        junk[40] = 1
        #expect(Precompile.ecrecover.run(junk, context: context) == .success([]))
        // High s is accepted (it recovers some key), s = n is not; short input is zero-padded.
        let highS = Secp256k1.order &- Self.alice.sign(hash: Self.hash).s
        #expect(try! Precompile.ecrecover.run(Self.ecrecoverInput(v: v, s: highS), context: context).get().count == 32)
        #expect(Precompile.ecrecover.run(Self.ecrecoverInput(v: v, s: Secp256k1.order), context: context) == .success([]))
        #expect(Precompile.ecrecover.run([], context: context) == .success([]))
    }

    static func address(_ low: UInt16) -> Address {
        try! Address(bytes: [UInt8](repeating: 0, count: 18) + [UInt8(low >> 8), UInt8(low & 0xff)])
    }

    @Test func klaytnAddressMaps() {
        let byzantium = PrecompileSet.klaytn(istanbul: true, kore: true, cancun: true, callerVMVersion0: true)
        #expect(byzantium.addresses == (1...11).map { Self.address($0) })
        #expect(byzantium.precompile(at: Self.address(0x09)) == .vmLog)
        #expect(byzantium.precompile(at: Self.address(0x0a)) == .feePayer)
        #expect(byzantium.precompile(at: Self.address(0x0b)) == .validateSender)
        #expect(byzantium.precompile(at: Self.address(0x05)) == .modexp(.eip198))
        #expect(byzantium.precompile(at: Self.address(0x06)) == .bn256Add(istanbul: false))
        #expect(byzantium.precompile(at: Self.address(0x3ff)) == nil)

        let istanbul = PrecompileSet.klaytn(istanbul: true, kore: false, cancun: false, callerVMVersion0: false)
        #expect(istanbul.addresses == (1...9).map { Self.address($0) } + [0x3fd, 0x3fe, 0x3ff].map { Self.address($0) })
        #expect(istanbul.precompile(at: Self.address(0x09)) == .blake2f)
        #expect(istanbul.precompile(at: Self.address(0x0a)) == nil)
        #expect(istanbul.precompile(at: Self.address(0x05)) == .modexp(.eip198))
        #expect(istanbul.precompile(at: Self.address(0x08)) == .bn256Pairing(istanbul: true))
        #expect(istanbul.precompile(at: Self.address(0x3fd)) == .vmLog)
        #expect(istanbul.precompile(at: Self.address(0x3fe)) == .feePayer)
        #expect(istanbul.precompile(at: Self.address(0x3ff)) == .validateSender)

        let kore = PrecompileSet.klaytn(istanbul: true, kore: true, cancun: false, callerVMVersion0: false)
        #expect(kore.precompile(at: Self.address(0x05)) == .modexp(.eip2565))
        let cancun = PrecompileSet.klaytn(istanbul: true, kore: true, cancun: true, callerVMVersion0: false)
        #expect(cancun.precompile(at: Self.address(0x0a)) == .pointEvaluation)
        #expect(cancun.precompile(at: Self.address(0x0b)) == nil)
        #expect(cancun.precompile(at: Self.address(0x400)) == nil)
        #expect(cancun.precompile(at: try! Address(hex: "0x1000000000000000000000000000000000000001")) == nil)

        let genesis = PrecompileSet.klaytn(istanbul: false, kore: false, cancun: false, callerVMVersion0: false)
        #expect(genesis.addresses == byzantium.addresses)
        #expect(PrecompileSet.klaytnActiveAddresses(istanbul: false, kore: false, cancun: false) == byzantium.addresses)
        #expect(PrecompileSet.klaytnActiveAddresses(istanbul: true, kore: true, cancun: false)
            == (1...11).map { Self.address($0) } + [0x3fd, 0x3fe, 0x3ff].map { Self.address($0) })
    }

    @Test func ethereumAddressMaps() {
        #expect(PrecompileSet.ethereum(fork: .byzantium).addresses == (1...8).map { Self.address($0) })
        let istanbul = PrecompileSet.ethereum(fork: .istanbul)
        #expect(istanbul.addresses == (1...9).map { Self.address($0) })
        #expect(istanbul.precompile(at: Self.address(0x05)) == .modexp(.eip198))
        #expect(PrecompileSet.ethereum(fork: .berlin).precompile(at: Self.address(0x05)) == .modexp(.eip2565))
        let cancun = PrecompileSet.ethereum(fork: .cancun)
        #expect(cancun.addresses == (1...10).map { Self.address($0) })
        #expect(cancun.precompile(at: Self.address(0x0a)) == .pointEvaluation)
    }

    @Test func pricesAndComputationCosts() {
        let pairs = [UInt8](repeating: 0, count: 2 * 192 + 5)
        #expect(Precompile.bn256Add(istanbul: false).requiredGas([]) == 500)
        #expect(Precompile.bn256ScalarMul(istanbul: false).requiredGas([]) == 40_000)
        #expect(Precompile.bn256Pairing(istanbul: false).requiredGas(pairs) == 260_000)
        #expect(Precompile.bn256Pairing(istanbul: true).requiredGas(pairs) == 113_000)
        #expect(Precompile.bn256Pairing(istanbul: true).computationCost(pairs, gas: 113_000) == 4_000_000)
        #expect(Precompile.bn256Add(istanbul: true).computationCost([], gas: 150) == 8_000)
        #expect(Precompile.bn256ScalarMul(istanbul: true).computationCost([], gas: 6_000) == 100_000)
        #expect(Precompile.ecrecover.computationCost([], gas: 3_000) == 113_150)
        #expect(Precompile.sha256.computationCost([UInt8](repeating: 0, count: 33), gas: 84) == 1_200)
        #expect(Precompile.ripemd160.computationCost([UInt8](repeating: 0, count: 33), gas: 840) == 120)
        #expect(Precompile.identity.computationCost([UInt8](repeating: 0, count: 33), gas: 21) == 0)
        #expect(Precompile.pointEvaluation.computationCost([], gas: 50_000) == 2_200_000)
        #expect(Precompile.modexp(.eip198).computationCost([], gas: 13_056) == 230)
    }
}
